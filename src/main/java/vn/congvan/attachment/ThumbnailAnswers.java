package vn.congvan.attachment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.congvan.attachment.ThumbnailRenderer.Outcome;

/**
 * Writes the {@link Thumbnail} a controller returns. Known now (drawn, undrawable, or not waited for): written on the
 * request's thread, like any file. Being drawn: the request goes into Spring MVC's asynchronous mode, as a
 * {@code DeferredResult} would, and its thread goes back to Tomcat; when the drawing ends (or the wait runs out) the
 * answer is written on an asynchronous dispatch, which passes Spring Security's chain again with the same
 * authentication. So 500 viewers of a new file take no request threads from the pages (ADR 0027). Errors of the
 * drawing that are errors of the request (a stored file that cannot be read) take the usual exception path.
 */
@Configuration(proxyBeanMethods = false)
class ThumbnailAnswers implements WebMvcConfigurer, HandlerMethodReturnValueHandler {

    /** Looked up when a thumbnail is answered: a web slice test has controllers but no thumbnails. */
    private final ObjectProvider<ThumbnailProperties> properties;

    ThumbnailAnswers(ObjectProvider<ThumbnailProperties> properties) {
        this.properties = properties;
    }

    @Override
    public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
        handlers.add(this);
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return Thumbnail.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(
            Object returnValue,
            MethodParameter returnType,
            ModelAndViewContainer container,
            NativeWebRequest webRequest)
            throws Exception {
        if (!(returnValue instanceof Thumbnail thumbnail)) {
            // supportsReturnType admits only Thumbnail; a handler that returned null has nothing to answer with.
            throw new IllegalStateException("A thumbnail route returned no thumbnail");
        }
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        if (thumbnail.outcome().isDone()) {
            container.setRequestHandled(true);
            thumbnail.thumbnails().write(thumbnail, now(thumbnail), request, response);
            return;
        }
        // The placeholder's headers until the answer is known: Spring Security writes its own caching headers
        // (no-store, Pragma, Expires) at the end of this dispatch unless some are there; the answer sets its own.
        Thumbnails.placeholderHeaders(response, "no-store");
        // The renderer ends every wait after requestWait; the container's own limit (30 s in Tomcat) must not
        // end it first with a 503.
        DeferredResult<View> later =
                new DeferredResult<>(properties.getObject().requestWait().toMillis() + 30_000);
        WebAsyncUtils.getAsyncManager(webRequest).startDeferredResultProcessing(later, container);
        thumbnail.outcome().whenComplete((outcome, error) -> {
            if (error != null) {
                later.setErrorResult(error instanceof CompletionException ? error.getCause() : error);
            } else {
                later.setResult((model, asyncRequest, asyncResponse) ->
                        thumbnail.thumbnails().write(thumbnail, outcome, asyncRequest, asyncResponse));
            }
        });
    }

    private static Outcome now(Thumbnail thumbnail) throws IOException {
        try {
            return thumbnail.outcome().join();
        } catch (CompletionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            throw ex;
        }
    }
}
