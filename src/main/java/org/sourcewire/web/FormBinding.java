package org.sourcewire.web;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.PropertyAccessorUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.multipart.MultipartRequest;

/**
 * Request parameters are bound to a form object only under the names the form has, for every controller.
 * <p>
 * Spring MVC hands every posted name to the bean property accessor, which ignores an unknown name but throws (a 500)
 * on a known one it cannot follow: an index on a property that is no list ({@code headline[0]}), an index beyond the
 * elements a list may grow to ({@code questions[99999999]}) or not a number ({@code questions[x]}, a raw
 * {@code NumberFormatException}), a path through an empty value ({@code pitchCap.x}). On a record, every nested or
 * indexed name threw, because after the constructor Spring binds again through setters, which a record lacks. No page
 * sends such names; now they are ignored like unknown ones, and the form is handled (and shown again with its
 * messages) as if they were absent.
 */
@ControllerAdvice
class FormBinding {

    private static final int MAX_NESTING = 3;

    private final Map<Class<?>, Set<String>> namesByForm = new ConcurrentHashMap<>();

    /**
     * Only when a posted name with an index or a dot is not one of the form's names does the binder get the list of
     * allowed names (matching against it is slow for a form with a list); the pages' own posts, such as a
     * pitch's {@code answers[0]}, pass with a few set look-ups.
     */
    @InitBinder
    void bindOnlyNamesTheFormHas(WebDataBinder binder, NativeWebRequest request) {
        Class<?> form = formType(binder);
        if (form == null) {
            return;
        }
        if (form.isRecord()) {
            // The constructor binds every component; the setter pass that follows can only fail on a record.
            binder.setDeclarativeBinding(true);
            return;
        }
        Set<String> names = namesByForm.computeIfAbsent(form,
                type -> new LinkedHashSet<>(names(type, "", binder.getAutoGrowCollectionLimit(), 0)));
        MultipartRequest multipart = request.getNativeRequest(MultipartRequest.class);
        if (!holdsAll(names, request.getParameterNames())
                || multipart != null && !holdsAll(names, multipart.getFileNames())) {
            binder.setAllowedFields(names.toArray(String[]::new));
        }
    }

    /** Whether every posted name with an index or a dot (files too are bound by name) is one the form has. */
    private static boolean holdsAll(Set<String> names, Iterator<String> posted) {
        while (posted.hasNext()) {
            String name = posted.next();
            if ((name.indexOf('[') >= 0 || name.indexOf('.') >= 0)
                    && !names.contains(PropertyAccessorUtils.canonicalPropertyName(name))) {
                return false;
            }
        }
        return true;
    }

    /** The form class a binder fills, or null for the binders Spring MVC uses to convert single values. */
    private static Class<?> formType(WebDataBinder binder) {
        Object target = binder.getTarget();
        Class<?> type = target != null ? target.getClass()
                : binder.getTargetType() != null ? binder.getTargetType().resolve() : null;
        if (type == null || BeanUtils.isSimpleProperty(type) || type.isArray()
                || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return null;
        }
        return type;
    }

    /**
     * Every name a form bean can hold: its writable properties; a list or array also element by element, up to the
     * size the binder lets it grow to; a map with any key; a nested form's own names under its prefix.
     */
    private static List<String> names(Class<?> form, String prefix, int maxElements, int depth) {
        List<String> names = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
            Class<?> type = property.getPropertyType();
            boolean writable = property.getWriteMethod() != null;
            String name = prefix + property.getName();
            if (type == null || "class".equals(property.getName())) {
                continue;
            }
            if (type.isArray() || List.class.isAssignableFrom(type)) {
                // An existing list fills by index through its getter alone.
                names.add(name);
                for (int i = 0; i < maxElements; i++) {
                    names.add(name + "[" + i + "]");
                }
            }
            else if (Map.class.isAssignableFrom(type)) {
                names.add(name);
                names.add(name + "[*]");
            }
            else if (writable && (BeanUtils.isSimpleProperty(type) || Collection.class.isAssignableFrom(type))) {
                names.add(name);
            }
            else if (depth < MAX_NESTING && !type.isRecord() && property.getReadMethod() != null) {
                names.addAll(names(type, name + ".", maxElements, depth + 1));
            }
        }
        return names;
    }
}
