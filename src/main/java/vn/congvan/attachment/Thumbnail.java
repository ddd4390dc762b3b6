package vn.congvan.attachment;

import java.util.concurrent.CompletableFuture;
import vn.congvan.attachment.ThumbnailRenderer.Outcome;

/**
 * The answer to a request for a thumbnail, as a controller returns it ({@link Thumbnails#of}): the state of the
 * first page now, or later when it is being drawn. {@link ThumbnailAnswers} writes it, at once or, while a drawing
 * goes on, on an asynchronous dispatch, so that no request thread waits for a drawing (ADR 0027).
 */
public final class Thumbnail {

    private final Thumbnails thumbnails;

    private final String key;

    private final String cacheControl;

    private final String etag;

    private final long lastModified;

    private final CompletableFuture<Outcome> outcome;

    Thumbnail(
            Thumbnails thumbnails,
            String key,
            String cacheControl,
            String etag,
            long lastModified,
            CompletableFuture<Outcome> outcome) {
        this.thumbnails = thumbnails;
        this.key = key;
        this.cacheControl = cacheControl;
        this.etag = etag;
        this.lastModified = lastModified;
        this.outcome = outcome;
    }

    Thumbnails thumbnails() {
        return thumbnails;
    }

    String key() {
        return key;
    }

    String cacheControl() {
        return cacheControl;
    }

    String etag() {
        return etag;
    }

    long lastModified() {
        return lastModified;
    }

    CompletableFuture<Outcome> outcome() {
        return outcome;
    }
}
