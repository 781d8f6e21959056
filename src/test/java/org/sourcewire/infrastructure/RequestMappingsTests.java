package org.sourcewire.infrastructure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMappingsTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRequestMatchesTheMappingsSpringWouldMatch() {
        assertThat(mappings).isInstanceOf(RequestMappings.PathFirstHandlerMapping.class);
        RequestMappings.PathFirstHandlerMapping pathFirst = (RequestMappings.PathFirstHandlerMapping) mappings;
        List<RequestMappingInfo> infos = List.copyOf(mappings.getHandlerMethods().keySet());
        assertThat(infos).hasSizeGreaterThan(50);

        // A request for every path of the application (variables filled in), with each of its methods, with and
        // without htmx's header, plus a few that match nothing: each mapping answers as Spring's own check does.
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (RequestMappingInfo info : infos) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString().replaceAll("\\{\\*?[^}]+}", "42");
                List<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                        ? List.of(RequestMethod.GET, RequestMethod.POST) : List.copyOf(info.getMethodsCondition().getMethods());
                for (RequestMethod method : methods) {
                    requests.add(request(method.name(), path, false));
                    requests.add(request(method.name(), path, true));
                    requests.add(request(method == RequestMethod.GET ? "POST" : "GET", path, false));
                }
            }
        }
        requests.add(request("GET", "/no/such/page", false));
        requests.add(request("DELETE", "/queries/42/pitch", false));
        requests.add(request("GET", "/queries/not-a-number/pitch", false));

        int matched = 0;
        for (MockHttpServletRequest request : requests) {
            for (RequestMappingInfo info : infos) {
                RequestMappingInfo spring = info.getMatchingCondition(request);
                RequestMappingInfo ours = pathFirst.getMatchingMapping(info, request);
                assertThat(ours).as("%s %s against %s", request.getMethod(), request.getRequestURI(), info)
                        .isEqualTo(spring);
                matched += spring == null ? 0 : 1;
            }
        }
        assertThat(matched).isGreaterThan(infos.size());
    }

    private static MockHttpServletRequest request(String method, String path, boolean htmx) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "text/html");
        if (htmx) {
            request.addHeader("HX-Request", "true");
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
