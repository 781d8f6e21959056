package org.sourcewire.pitches;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A pitch status in an address ({@code ?status=shortlisted}), in any case. An unknown one fails the binding, a 400
 * page, rather than quietly showing every pitch; an empty one is no filter.
 */
@Component
class PitchStatusParameter implements Converter<String, PitchStatus> {

    @Override
    public PitchStatus convert(String source) {
        String name = source.strip();
        return name.isEmpty() ? null : PitchStatus.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
