package io.policyengine.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A reason's params: a few names and values, immutable, in the order the rule gave them. Kept in two
 * arrays rather than a hash map: a claim's reasons carry one to six values each, and a decision is
 * made in microseconds, so copying them into hash tables cost more than looking them up.
 */
public final class NamedValues extends AbstractMap<String, Object> {
    private static final NamedValues NONE = new NamedValues(new String[0], new Object[0]);

    private final String[] names;
    private final Object[] values;

    private NamedValues(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** Names and values, alternating; an enum value is kept as its name. A name given twice keeps its last value. */
    public static NamedValues of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("params take names and values in pairs");
        if (namesAndValues.length == 0) return NONE;
        String[] names = new String[namesAndValues.length / 2];
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = String.valueOf(namesAndValues[2 * i]);
            Object value = namesAndValues[2 * i + 1];
            for (int j = 0; j < i; j++) {
                if (names[j].equals(name)) return duplicated(namesAndValues);
            }
            names[i] = name;
            values[i] = value instanceof Enum<?> e ? e.name() : value;
        }
        return new NamedValues(names, values);
    }

    private static NamedValues duplicated(Object... namesAndValues) {
        NamedValues built = NONE;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            built = built.with(String.valueOf(namesAndValues[i]), value instanceof Enum<?> e ? e.name() : value);
        }
        return built;
    }

    /** The map as named values, in its iteration order; the same instance when it already is. */
    public static NamedValues copyOf(Map<String, ?> map) {
        if (map == null || map.isEmpty()) return NONE;
        if (map instanceof NamedValues named) return named;
        String[] names = new String[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            names[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new NamedValues(names, values);
    }

    /** These values with {@code name} set to {@code value}: replaced in place, or added at the end. */
    public NamedValues with(String name, Object value) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                Object[] changed = values.clone();
                changed[i] = value;
                return new NamedValues(names, changed);
            }
        }
        String[] moreNames = Arrays.copyOf(names, names.length + 1);
        Object[] moreValues = Arrays.copyOf(values, values.length + 1);
        moreNames[names.length] = name;
        moreValues[values.length] = value;
        return new NamedValues(moreNames, moreValues);
    }

    @Override
    public Object get(Object name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) return values[i];
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        for (String n : names) {
            if (n.equals(name)) return true;
        }
        return false;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= names.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
