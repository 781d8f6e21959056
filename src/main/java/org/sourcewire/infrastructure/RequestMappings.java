package org.sourcewire.infrastructure;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, matched path first.
 * <p>
 * A request for a path with a variable in it ({@code /queries/42/pitch}) is not found by Spring MVC's direct-path
 * index, so Spring tries every mapping of the application in turn, and checks each one's HTTP method, parameters,
 * headers and media types before its path; the method alone is read through every request wrapper (session,
 * security) twice per mapping, on every such request, for mappings that could never match. Here a mapping
 * whose path cannot match is passed over first, with the same path test Spring runs last; the mappings that do match
 * get Spring's full check, so what is chosen does not change.
 * <p>
 * The mapping extends htmx-spring-boot's, which adds the {@code @HxRequest} condition, and the library's adapter and
 * exception resolver are kept: Spring Boot takes the one primary set of registrations.
 */
@Configuration(proxyBeanMethods = false)
class RequestMappings {

    @Bean
    @Primary
    WebMvcRegistrations pathFirstRequestMappings(HtmxMvcAutoConfiguration htmx) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return htmx.getRequestMappingHandlerAdapter();
            }

            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return htmx.getExceptionHandlerExceptionResolver();
            }
        };
    }

    static final class PathFirstHandlerMapping extends HtmxRequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && ServletRequestPathUtils.hasParsedRequestPath(request)
                    && !anyMatches(paths, ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication())) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean anyMatches(PathPatternsRequestCondition paths, PathContainer path) {
            for (PathPattern pattern : paths.getPatterns()) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }
}
