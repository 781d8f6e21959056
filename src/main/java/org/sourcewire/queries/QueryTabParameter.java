package org.sourcewire.queries;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** The query list's tab in its address ({@code ?status=pending}); an unknown one fails the binding, a 400 page. */
@Component
class QueryTabParameter implements Converter<String, QueryTab> {

    @Override
    public QueryTab convert(String source) {
        return QueryTab.of(source.strip());
    }
}
