package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.Payer;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A rule's finding of who pays to send the goods of {@code claim} back or to the repairer (contract
 * 11.2), when the decision's outcome is one of {@code remedies} (one made {@link #forGrantsUnder}: and
 * the pack grants that outcome under the article it names).
 *
 * @param under the article whose grants this speaks of, as {@link Reason#cites} reads it; null for every grant
 */
public record ReturnShipping(Claim claim, Payer payer, Set<Remedy> remedies, Reason reason, String under) {

    /** The remedy of each outcome, by the outcome's ordinal; none for a rejection. */
    private static final Remedy[] REMEDY_OF = Arrays.stream(Outcome.values())
            .map(outcome -> outcome == Outcome.REJECTED ? null : Remedy.valueOf(outcome.name())).toArray(Remedy[]::new);

    public ReturnShipping {
        // the rules' own set (an EnumSet) kept as one, not hashed into a Set.of: covers asks it for every decision
        remedies = remedies instanceof EnumSet<Remedy> set ? Collections.unmodifiableSet(set.clone()) : Set.copyOf(remedies);
    }

    public ReturnShipping(Claim claim, Payer payer, Set<Remedy> remedies, Reason reason) {
        this(claim, payer, remedies, reason, null);
    }

    /** {@code payer} pays the postage when the outcome is one of {@code remedies}. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, Payer payer, Map<String, Object> params, Remedy... remedies) {
        add(kcontext, new ReturnShipping(claim, payer, EnumSet.of(remedies[0], remedies),
                RuleCitation.of(kcontext).reason(Effect.PAY, null, params)));
    }

    /**
     * {@code payer} pays the postage when the outcome is one of {@code remedies} and the pack grants it under
     * {@code article} (a withdrawal's return under the CRD, a guarantee's under the SGD). Called from a rule's {@code then}.
     */
    public static void forGrantsUnder(RuleContext kcontext, Claim claim, String article, Payer payer, Map<String, Object> params,
                                      Remedy... remedies) {
        add(kcontext, new ReturnShipping(claim, payer, EnumSet.of(remedies[0], remedies),
                RuleCitation.of(kcontext).reason(Effect.PAY, null, params), article));
    }

    private static void add(RuleContext kcontext, ReturnShipping shipping) {
        Findings.Builder findings = Firing.insert(kcontext, shipping.claim(), shipping);
        if (findings != null) findings.add(shipping);
    }

    /** Whether this finding speaks of {@code outcome}. */
    public boolean covers(Outcome outcome) {
        return outcome != Outcome.REJECTED && remedies.contains(REMEDY_OF[outcome.ordinal()]);
    }
}
