package org.sourcewire.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.sourcewire.shared.ViewerZone;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers of every module the viewer's zone from {@link Dates}: {@code @ViewerZone ZoneId zone} (UTC when
 * nobody said), or {@code @ViewerZone Optional<ZoneId> zone} (empty when neither the account nor the browser said).
 */
@Configuration(proxyBeanMethods = false)
class ViewerZoneConfiguration implements WebMvcConfigurer {

    private final Dates dates;

    ViewerZoneConfiguration(Dates dates) {
        this.dates = dates;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.hasParameterAnnotation(ViewerZone.class)
                        && (parameter.getParameterType() == ZoneId.class || parameter.getParameterType() == Optional.class);
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                if (parameter.getParameterType() == ZoneId.class) {
                    return dates.viewerZone();
                }
                return dates.zoneSource() == Dates.ZoneSource.NONE ? Optional.empty() : Optional.of(dates.viewerZone());
            }
        });
    }
}
