package io.policyengine.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named values a rule gives its sentence: {@code params( "days", $claim.daysSincePurchase(), "refundDays", $days )}.
 * A rule's {@code then} block states these facts; the words around them live in the pack's sentence templates.
 */
public final class Params {

    private Params() {
    }

    /** Names and values, alternating; the order is kept. DRL: {@code import function io.policyengine.facts.Params.params;} */
    public static Map<String, Object> params(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("params takes names and values in pairs");
        Map<String, Object> params = new LinkedHashMap<>(namesAndValues.length);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1] instanceof Enum<?> e ? e.name() : namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(params);
    }
}
