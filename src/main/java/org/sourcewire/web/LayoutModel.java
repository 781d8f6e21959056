package org.sourcewire.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.thymeleaf.context.LazyContextVariable;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the layout needs, put into the model of every page that is rendered:
 * <ul>
 * <li>{@code currentPath}: for the navigation's "active" marks (Thymeleaf 3.1 no longer exposes the request to
 * templates);</li>
 * <li>{@code role}: the viewer's role ({@code SOURCE}, {@code JOURNALIST}, {@code ADMIN}) or null, read from the
 * session's user: cheaper than the Spring Security dialect's {@code sec:authorize}, which parses its expression on
 * every use (a dozen times per page);</li>
 * <li>{@code me}: the logged-in account, read fresh so the layout shows the current name and verification state
 * (the session keeps only the id), and read only when a template uses it.</li>
 * </ul>
 * An interceptor rather than a {@code @ModelAttribute} advice: Spring MVC prepares an advice's model methods on every
 * request, a redirect after a form or a JSON answer too, where nothing uses them; this runs only when a page is
 * about to be rendered.
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer {

    private final AccountManagement accounts;
    private final PageMetadata metadata;

    LayoutModel(AccountManagement accounts, PageMetadata metadata) {
        this.accounts = accounts;
        this.metadata = metadata;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    ModelAndView page) {
                if (page != null && rendersAPage(page)) {
                    addTo(page, request);
                }
            }
        });
    }

    private static boolean rendersAPage(ModelAndView page) {
        if (page.isReference()) {
            String name = page.getViewName();
            return name != null && !name.startsWith("redirect:") && !name.startsWith("forward:");
        }
        return page.getView() != null && !(page.getView() instanceof RedirectView);
    }

    private void addTo(ModelAndView page, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = authentication != null && authentication.getPrincipal() instanceof CurrentUser current
                ? current : null;
        page.addObject("currentPath", request.getRequestURI());
        // What search engines read; error pages (an ERROR dispatch) get none.
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            page.addObject("seo", metadata.seo(request.getRequestURI(), page.getModel()));
        }
        page.addObject("role", user == null ? null : user.role().name());
        page.addObject("me", new LazyContextVariable<AccountView>() {
            @Override
            protected AccountView loadValue() {
                return user == null ? null : accounts.find(user.id()).orElse(null);
            }
        });
    }
}
