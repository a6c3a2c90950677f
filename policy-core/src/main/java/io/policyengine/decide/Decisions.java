package io.policyengine.decide;

import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Findings;
import io.policyengine.facts.Grant;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Outcome;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.model.Request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what the rules found into a decision (contract section 2). It decides nothing itself:
 * remedies are the grants less the exclusions, and the outcome follows from them and the request.
 */
public final class Decisions {

    private static final Comparator<Reason> REASON_ORDER = Comparator
            .comparing(Reason::effect)
            .thenComparing(Reason::article, Decisions::compareArticles)
            .thenComparing(Reason::remedy)
            .thenComparing(Reason::rule);

    private Decisions() {
    }

    public static Decision assemble(Claim claim, Findings findings, PolicyId policy) {
        EnumSet<Remedy> remedies = EnumSet.noneOf(Remedy.class);
        for (Grant grant : findings.grants()) remedies.add(grant.remedy());
        for (Exclusion exclusion : findings.exclusions()) remedies.remove(exclusion.remedy());
        Outcome outcome = outcome(claim.request(), remedies);
        LocalDate repairDue = outcome.isRepair() && findings.repairDeadline() != null
                ? claim.claimDate().plusDays(findings.repairDeadline().days())
                : null;
        return new Decision(claim.id(), outcome, List.copyOf(remedies), claim.daysSincePurchase(),
                repairDue, reasons(findings), policy);
    }

    /** Contract section 2: the request if allowed, else the first allowed remedy, else REJECTED. */
    static Outcome outcome(Request request, Set<Remedy> allowed) {
        if (allowed.isEmpty()) return Outcome.REJECTED;
        if (request != null) {
            for (Remedy wanted : request.metBy()) {
                if (allowed.contains(wanted)) return Outcome.of(wanted);
            }
        }
        return Outcome.of(allowed.iterator().next());
    }

    private static List<Reason> reasons(Findings findings) {
        Set<Reason> reasons = new LinkedHashSet<>();
        for (Grant grant : findings.grants()) reasons.add(grant.reason());
        for (Exclusion exclusion : findings.exclusions()) reasons.add(exclusion.reason());
        List<Reason> ordered = new ArrayList<>(reasons);
        ordered.sort(REASON_ORDER);
        return ordered;
    }

    /** Articles in reading order: "7" before "13", numbers before labels such as "S1". */
    static int compareArticles(String a, String b) {
        boolean aNumber = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean bNumber = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (aNumber && bNumber) return Long.compare(Long.parseLong(a), Long.parseLong(b));
        if (aNumber != bNumber) return aNumber ? -1 : 1;
        return a.compareTo(b);
    }
}
