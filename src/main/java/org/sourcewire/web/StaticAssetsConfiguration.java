package org.sourcewire.web;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Our CSS, scripts and images under {@code /assets/} (from {@code classpath:/static/}) and the webjars under
 * {@code /webjars/}, linked by URLs that change with the file and so cached for a year: Thymeleaf's
 * {@code @{/assets/css/app.css}} is written as {@code /assets/css/app-<md5 of the content>.css}, and
 * {@code @{/webjars/bootstrap/css/bootstrap.min.css}} as {@code /webjars/bootstrap/<version>/css/bootstrap.min.css}.
 * Pages stay {@code no-store} (Spring Security's default).
 * <p>
 * Only these two patterns map to static resources, not {@code /**}: each link a page renders is looked up as a
 * resource only when it matches one (under {@code /**} every link was tried on the class path, most of the time of a
 * page with many links). Spring Boot's own resource mappings are off ({@code spring.web.resources.add-mappings}) as
 * its properties cannot say {@code immutable}.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssetsConfiguration implements WebMvcConfigurer {

    private static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(FOR_A_YEAR)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new PathResourceResolver());
        // The chain adds the webjars' resolver, which puts the webjar's version into the URL.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOR_A_YEAR)
                .resourceChain(true);
    }

    /** Writes the versioned URLs into the links Thymeleaf renders ({@code response.encodeURL}). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> versionedAssetLinks() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
