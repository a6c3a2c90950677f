package io.policyengine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule that fired for a claim, in firing order: what it is, the policy terms it reads, and the
 * reasons it gave (grants and exclusions); a rule that only sets a deadline gives none.
 *
 * @param policy the name of the pack the rule belongs to, whose {@code [articles]} cite its article
 */
public record FiredRule(String rule, String article, Map<String, Object> terms, List<Reason> reasons, String policy) {

    public FiredRule {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        reasons = List.copyOf(reasons);
    }
}
