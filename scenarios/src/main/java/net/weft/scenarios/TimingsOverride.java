package net.weft.scenarios;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.weft.core.Timings;

/**
 * Router timing overrides by kebab-case name: each {@link Timings} component {@code fooBarNs} is written
 * {@code foo-bar} in a scenario ({@code backoff-max: 10s}).
 */
final class TimingsOverride {

    private TimingsOverride() {
    }

    /** Every accepted name. */
    static Set<String> names() {
        Set<String> out = new TreeSet<>();
        for (RecordComponent c : Timings.class.getRecordComponents()) {
            out.add(kebab(c.getName()));
        }
        return out;
    }

    /** {@code base} with the overrides applied. */
    static Timings apply(Timings base, Map<String, Long> overrides) {
        RecordComponent[] comps = Timings.class.getRecordComponents();
        Object[] values = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        try {
            for (int i = 0; i < comps.length; i++) {
                String k = kebab(comps[i].getName());
                values[i] = overrides.containsKey(k) ? overrides.get(k) : comps[i].getAccessor().invoke(base);
                types[i] = comps[i].getType();
            }
            return Timings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Timings is no longer a record of longs", e);
        }
    }

    private static String kebab(String component) {
        String base = component.endsWith("Ns") ? component.substring(0, component.length() - 2) : component;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
