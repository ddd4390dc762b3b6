package vn.congvan.dispatch.web;

import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;

/** Hands every controller method that declares a {@link Viewer} parameter the request's viewer. */
@Component
class ViewerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Viewers viewers;

    ViewerArgumentResolver(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return viewers.current();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
