package io.policyengine.facts;

import io.policyengine.model.NamedValues;

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
        return NamedValues.of(namesAndValues);
    }
}
