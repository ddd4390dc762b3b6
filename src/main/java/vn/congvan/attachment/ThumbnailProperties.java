package vn.congvan.attachment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The budget of first-page rendering (ADR 0023).
 *
 * @param threads how many first pages this instance draws at once
 * @param queue how many other files may wait for a drawing thread; past that a viewer gets the placeholder
 * @param maxPixels the longest side of a drawn page in pixels: a larger page is drawn scaled down to it
 * @param renderTimeout how long one file may take to draw before it is given up and remembered as undrawable
 * @param requestWait how long a request waits for a drawing in progress before it answers the placeholder
 * @param lockWait how long a drawing thread waits for another instance that draws the same file
 * @param maxWaiting how many requests may wait for drawings at once; the others answer the placeholder at once. A
 *        waiting request holds no thread (it is answered asynchronously, ADR 0027), only its connection
 * @param retryAfter what the placeholder tells a client about when to ask again
 */
@ConfigurationProperties("congvan.attachment.thumbnail")
record ThumbnailProperties(
        @DefaultValue("1") int threads,
        @DefaultValue("32") int queue,
        @DefaultValue("1200") int maxPixels,
        @DefaultValue("20s") Duration renderTimeout,
        @DefaultValue("8s") Duration requestWait,
        @DefaultValue("10s") Duration lockWait,
        @DefaultValue("2000") int maxWaiting,
        @DefaultValue("5s") Duration retryAfter) {}
