package org.sourcewire.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What {@link InputFuzzTests} sends its input to, found in the application itself: every request mapping of our
 * controllers, with the parameters its handler method reads ({@code @RequestParam}s, the fields of its form objects,
 * its path variables), plus forms the pages render that post somewhere no controller of ours maps (log-in).
 */
final class FuzzTargets {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::([^}]*))?}");
    private static final Pattern ALTERNATIVES = Pattern.compile("[\\w-]+(\\|[\\w-]+)*");

    private FuzzTargets() {
    }

    /** One parameter: its name as sent, the Java type it binds to, and whether a form object holds it. */
    record Field(String name, Class<?> type, boolean formField, boolean optional, boolean file) {

        boolean indexed() {
            return name.endsWith("]");
        }

        /** The property a name like {@code answers[0]} belongs to. */
        String base() {
            int bracket = name.indexOf('[');
            return bracket < 0 ? name : name.substring(0, bracket);
        }
    }

    /** One request target: a method and a path pattern with its variables (regex alternatives already expanded). */
    record Target(String method, String pattern, boolean htmx, List<Field> fields, List<String> variables,
            String handler) {

        boolean post() {
            return "POST".equals(method);
        }

        @Override
        public String toString() {
            return method + " " + pattern + (htmx ? " (htmx)" : "");
        }
    }

    static List<Target> fromMappings(Map<RequestMappingInfo, HandlerMethod> mappings) {
        List<Target> targets = new ArrayList<>();
        mappings.forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.sourcewire")) {
                return;
            }
            boolean htmx = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), HxRequest.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), HxRequest.class);
            List<Field> fields = fields(handler);
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET", "POST")
                    : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
            for (PathPattern path : info.getPathPatternsCondition().getPatterns()) {
                for (String pattern : expandAlternatives(path.getPatternString())) {
                    for (String method : methods) {
                        targets.add(new Target(method, pattern, htmx, fields, variables(pattern),
                                handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName()));
                    }
                }
            }
        });
        targets.sort(java.util.Comparator.comparing(Target::method).thenComparing(Target::pattern)
                .thenComparing(Target::htmx));
        return targets;
    }

    /** {@code /pitches/{publicId}/{action:shortlist|decline}} → one pattern per alternative. */
    static List<String> expandAlternatives(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            if (matcher.group(2) != null && ALTERNATIVES.matcher(matcher.group(2)).matches()) {
                List<String> expanded = new ArrayList<>();
                for (String alternative : matcher.group(2).split("\\|")) {
                    expanded.addAll(expandAlternatives(pattern.substring(0, matcher.start()) + alternative
                            + pattern.substring(matcher.end())));
                }
                return expanded;
            }
        }
        return List.of(pattern);
    }

    static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The literal path segment before a variable ({@code queries} in {@code /queries/{id}/pitch}). */
    static String segmentBefore(String pattern, String variable) {
        String before = pattern.substring(0, pattern.indexOf("{" + variable));
        String[] segments = before.split("/");
        return segments.length == 0 ? "" : segments[segments.length - 1];
    }

    static boolean matches(String pattern, String path) {
        return PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
    }

    private static List<Field> fields(HandlerMethod handler) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(AuthenticationPrincipal.class) || infrastructure(type)) {
                continue;
            }
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                boolean optional = !param.required() || !ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
                fields.put(name, new Field(name, type, false, optional, MultipartFile.class.isAssignableFrom(type)));
            }
            else if (parameter.hasParameterAnnotation(ModelAttribute.class) || type.getName().startsWith("org.sourcewire")) {
                formFields(type).forEach(field -> fields.put(field.name(), field));
            }
            else if (BeanUtils.isSimpleProperty(type)) {
                // Spring MVC binds an unannotated simple parameter as an optional request parameter.
                fields.put(parameter.getParameterName(), new Field(parameter.getParameterName(), type, false, true, false));
            }
        }
        return List.copyOf(fields.values());
    }

    /** A form object's fields: record components or writable bean properties; collections also as {@code name[0]}. */
    static List<Field> formFields(Class<?> form) {
        List<Field> fields = new ArrayList<>();
        if (form.isRecord()) {
            for (RecordComponent component : form.getRecordComponents()) {
                add(fields, component.getName(), component.getType());
            }
        }
        else {
            for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
                if (property.getWriteMethod() != null) {
                    add(fields, property.getName(), property.getPropertyType());
                }
            }
        }
        return fields;
    }

    private static void add(List<Field> fields, String name, Class<?> type) {
        fields.add(new Field(name, type, true, true, false));
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            fields.add(new Field(name + "[0]", String.class, true, true, false));
        }
    }

    private static boolean infrastructure(Class<?> type) {
        return Model.class.isAssignableFrom(type) || Errors.class.isAssignableFrom(type)
                || RedirectAttributes.class.isAssignableFrom(type) || type.getName().startsWith("jakarta.servlet")
                || type.getName().startsWith("org.springframework.web.context.request")
                || java.security.Principal.class.isAssignableFrom(type);
    }

    /**
     * The forms of a rendered page that post: action path and the names of their fields (not the CSRF token).
     * {@code hx-post} attributes count as forms of their element's form.
     */
    static Map<String, List<String>> postForms(String html) {
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (Element form : Jsoup.parse(html).select("form")) {
            String action = form.attr("action");
            if (!"post".equalsIgnoreCase(form.attr("method")) || action.isEmpty() || !action.startsWith("/")) {
                continue;
            }
            String path = action.replaceAll("[?#].*", "");
            List<String> names = forms.computeIfAbsent(path, key -> new ArrayList<>());
            for (Element input : form.select("input[name], select[name], textarea[name], button[name]")) {
                String name = input.attr("name");
                if (!"_csrf".equals(name) && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return forms;
    }
}
