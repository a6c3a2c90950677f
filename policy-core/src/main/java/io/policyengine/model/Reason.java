package io.policyengine.model;

/**
 * Why a remedy was granted or excluded: the rule that said so, the policy article it implements,
 * and a sentence a cashier can read aloud.
 */
public record Reason(String rule, String article, Effect effect, Remedy remedy, String message) {
}
