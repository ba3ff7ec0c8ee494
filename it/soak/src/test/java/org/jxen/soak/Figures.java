package org.jxen.soak;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One test's figures, printed as one line {@code soak: NAME key=value ...} that scripts/soak tabulates. */
final class Figures {

    private final String name;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String name) {
        this.name = name;
    }

    Figures put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Calls per second over a run of {@code nanos}. */
    Figures rate(String key, long calls, long nanos) {
        return put(key, Math.round(calls * 1e9 / Math.max(1, nanos)));
    }

    void print() {
        System.out.println("soak: " + name + " " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.valueOf(e.getValue()).replace(' ', '_'))
                .collect(Collectors.joining(" ")));
    }
}
