package io.policyengine.examples.reference;

import io.policyengine.PolicyEngine;
import io.policyengine.Wording;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.model.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DRL store-standard pack and the plain-Java reading of the contract agree on 100,000 generated
 * claims, and every DRL decision explains itself the way the contract says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialTest {

    private static final long SEED = 20261124L;
    private static final int CLAIMS = 100_000;
    private static final int ONE_BY_ONE = 2_000;
    private static final int SHOWN = 10;

    private static final PolicyEngine STORE_STANDARD = PolicyEngine.storeStandard();
    private static final Wording ENGLISH = STORE_STANDARD.wording(Locale.ENGLISH);
    private static final Wording CHINESE = STORE_STANDARD.wording(Locale.forLanguageTag("zh-CN"));

    private PolicyEngine engine;
    private List<Claim> claims;
    private List<Decision> decisions;

    @BeforeAll
    void decideEverything() {
        engine = STORE_STANDARD;
        claims = ClaimGenerator.random(SEED, CLAIMS);
        decisions = engine.decideAll(claims);
    }

    @Test
    @DisplayName("decideAll answers every claim, in order")
    void oneDecisionPerClaimInOrder() {
        assertThat(decisions).hasSize(claims.size());
        List<String> misplaced = new ArrayList<>();
        for (int i = 0; i < claims.size() && misplaced.size() < SHOWN; i++) {
            if (!claims.get(i).id().equals(decisions.get(i).claimId())) {
                misplaced.add("#" + i + ": claim " + claims.get(i).id() + " got decision for " + decisions.get(i).claimId());
            }
        }
        assertThat(misplaced).as("decisions out of order").isEmpty();
    }

    @Test
    @DisplayName("the DRL pack and the plain-Java reference make the same whole decisions, reasons and params included, on 100,000 generated claims")
    void drlAgreesWithReference() {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Decision drl = decisions.get(i);
            Decision ref = StoreStandardInJava.decide(claim, engine.policy());
            if (!drl.equals(ref)) {
                count++;
                if (mismatches.size() < SHOWN) {
                    mismatches.add(describe(claim) + "\n    DRL:       " + drl + "\n    reference: " + ref);
                }
            }
        }
        assertThat(mismatches)
                .as("%d of %d claims decided differently; the first %d:%n%s", count, claims.size(),
                        mismatches.size(), String.join("\n", mismatches))
                .isEmpty();
    }

    @Test
    @DisplayName("the follow-up duties of the DRL pack and of the plain-Java reference agree on claims with events, judged on every day")
    void dutiesAgreeWithReference() {
        List<Claim> followUps = io.policyengine.check.ClaimSpace.around(engine.terms(), List.of()).stream()
                .filter(c -> !c.events().isEmpty() || c.asOf() != null).toList();
        assertThat(followUps).hasSizeGreaterThan(300);
        List<String> mismatches = new ArrayList<>();
        for (Claim claim : followUps) {
            Decision drl = engine.decide(claim);
            Decision ref = StoreStandardInJava.decide(claim, engine.policy());
            if (!drl.actions().equals(ref.actions()) && mismatches.size() < SHOWN) {
                mismatches.add(claim + "\n    DRL:       " + drl.actions() + "\n    reference: " + ref.actions());
            }
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    @Test
    @DisplayName("the reference methods agree with the reference decision")
    void referenceMethodsAreConsistent() {
        for (Claim claim : claims.subList(0, ONE_BY_ONE)) {
            Decision ref = StoreStandardInJava.decide(claim);
            assertThat(StoreStandardInJava.remedies(claim)).as(claim.id()).isEqualTo(ref.remedies());
            assertThat(StoreStandardInJava.outcome(claim)).as(claim.id()).isEqualTo(ref.outcome());
            assertThat(StoreStandardInJava.repairDueDate(claim)).as(claim.id()).isEqualTo(ref.repairDueDate());
            assertThat(ref.daysSincePurchase()).as(claim.id()).isEqualTo(claim.daysSincePurchase());
        }
    }

    @Test
    @DisplayName("the generator reaches every combination the policy distinguishes")
    void generatorCoversThePolicy() {
        boolean[] outcomes = new boolean[Outcome.values().length];
        boolean[] remedySets = new boolean[16];
        int noReasonReturns = 0;
        for (Claim claim : claims) {
            outcomes[StoreStandardInJava.outcome(claim).ordinal()] = true;
            remedySets[StoreStandardInJava.mask(claim)] = true;
            if (!claim.qualityDefect() && StoreStandardInJava.remedies(claim).contains(Remedy.REFUND)) noReasonReturns++;
        }
        for (boolean seen : outcomes) assertThat(seen).isTrue();
        // none, REFUND, R+E+F, E+F, F, P
        for (int mask : new int[] {0, 1, 7, 6, 4, 8}) assertThat(remedySets[mask]).as("remedy set %s", mask).isTrue();
        assertThat(noReasonReturns).as("no-reason returns").isGreaterThan(500);
        assertThat(ClaimGenerator.random(SEED, 50)).isEqualTo(claims.subList(0, 50));
        assertThat(ClaimGenerator.stream(SEED).limit(50).toList()).isEqualTo(claims.subList(0, 50));
    }

    @Test
    @DisplayName("every decision gives its reasons (each grant, why an unmet request was not met) and a summary in both languages")
    void reasonsExplainEveryDecision() {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Decision d = decisions.get(i);
            List<String> found = reasonProblems(claim, d);
            if (!found.isEmpty()) {
                count++;
                if (problems.size() < SHOWN) {
                    problems.add(describe(claim) + "\n    DRL: " + brief(d) + "\n    " + String.join("; ", found)
                            + "\n    reasons: " + d.reasons());
                }
            }
        }
        assertThat(problems)
                .as("%d of %d decisions break the reason invariants; the first %d:%n%s", count, claims.size(),
                        problems.size(), String.join("\n", problems))
                .isEmpty();
    }

    @Test
    @DisplayName("decide, one claim at a time, equals decideAll for the first 2,000 claims")
    void decideEqualsDecideAll() {
        List<String> different = new ArrayList<>();
        for (int i = 0; i < ONE_BY_ONE && different.size() < SHOWN; i++) {
            Decision single = engine.decide(claims.get(i));
            if (!single.equals(decisions.get(i))) {
                different.add(describe(claims.get(i)) + "\n    decide:    " + single + "\n    decideAll: " + decisions.get(i));
            }
        }
        assertThat(different).as("decide differs from decideAll:%n%s", String.join("\n", different)).isEmpty();
    }

    private static final Map<Outcome, String> FIXED_EN = Map.of(Outcome.REFUND, "refund", Outcome.EXCHANGE, "exchange",
            Outcome.FREE_REPAIR, "free repair", Outcome.PAID_REPAIR, "paid repair", Outcome.REJECTED, "declined");
    private static final Map<Outcome, String> FIXED_ZH = Map.of(Outcome.REFUND, "退货", Outcome.EXCHANGE, "换货",
            Outcome.FREE_REPAIR, "免费维修", Outcome.PAID_REPAIR, "收费维修", Outcome.REJECTED, "不予退换");

    /** Contract 8.2/8.3: a summary in each language, at most three sentences, the outcome in its fixed words, a repair's due date. */
    private static List<String> summaryProblems(Decision d) {
        List<String> problems = new ArrayList<>();
        String en = ENGLISH.summary(d);
        String zh = CHINESE.summary(d);
        if (!en.contains(FIXED_EN.get(d.outcome()))) problems.add("English summary without \"" + FIXED_EN.get(d.outcome()) + "\": " + en);
        if (!zh.contains(FIXED_ZH.get(d.outcome()))) problems.add("Chinese summary without \"" + FIXED_ZH.get(d.outcome()) + "\": " + zh);
        if (en.replace("art. ", "art ").split("\\. ").length > 3) problems.add("more than three sentences: " + en);
        if (zh.split("。").length > 3) problems.add("more than three sentences: " + zh);
        if (d.repairDueDate() != null && !en.contains(d.repairDueDate().toString())) problems.add("no due date in: " + en);
        if (d.repairDueDate() != null && !zh.contains(d.repairDueDate().getYear() + "年" + d.repairDueDate().getMonthValue() + "月"
                + d.repairDueDate().getDayOfMonth() + "日")) problems.add("no due date in: " + zh);
        return problems;
    }

    private static List<String> reasonProblems(Claim claim, Decision d) {
        List<String> problems = new ArrayList<>();
        if (d.reasons().isEmpty()) problems.add("no reasons");
        for (Reason r : d.reasons()) {
            if (r.rule() == null || r.rule().isBlank()) problems.add("blank rule in " + r);
            if (r.article() == null || r.article().isBlank()) problems.add("blank article in " + r);
            if (ENGLISH.message(d, r).isBlank() || CHINESE.message(d, r).isBlank()) problems.add("blank message in " + r);
            if (r.effect() == null) problems.add("no effect in " + r);
        }
        for (Remedy remedy : d.remedies()) {
            if (!hasReason(d, Effect.GRANT, List.of(remedy))) problems.add(remedy + " granted without a GRANT reason");
        }
        problems.addAll(summaryProblems(d));
        Request request = claim.request();
        if (request != null && !meets(d.outcome(), request)
                && !hasReason(d, Effect.EXCLUDE, request.metBy())) {
            problems.add("request " + request + " not met (outcome " + d.outcome() + ") and no EXCLUDE reason for "
                    + request.metBy());
        }
        return problems;
    }

    private static boolean meets(Outcome outcome, Request request) {
        for (Remedy remedy : request.metBy()) {
            if (outcome == Outcome.of(remedy)) return true;
        }
        return false;
    }

    private static boolean hasReason(Decision d, Effect effect, List<Remedy> remedies) {
        for (Reason r : d.reasons()) {
            if (r.effect() == effect && remedies.contains(r.remedy())) return true;
        }
        return false;
    }

    static String describe(Claim c) {
        var cond = c.condition();
        var p = c.product();
        return c.id() + ": bought " + c.purchaseDate() + ", claimed " + c.claimDate() + " (day " + c.daysSincePurchase()
                + ", +" + StoreStandardInJava.FREE_REPAIR_MONTHS + " months = "
                + c.purchaseDate().plusMonths(StoreStandardInJava.FREE_REPAIR_MONTHS) + ")"
                + ", defect=" + c.qualityDefect() + ", request=" + c.request()
                + ", saleType=" + p.saleType() + ", customMade=" + p.customMade()
                + ", packaging=" + cond.packaging() + ", accessoriesComplete=" + cond.accessoriesComplete()
                + ", warrantyCard=" + cond.warrantyCard() + ", usageTraces=" + cond.usageTraces()
                + ", customerDamage=" + cond.customerDamage();
    }

    private static String brief(Decision d) {
        return "outcome=" + d.outcome() + " remedies=" + d.remedies() + " days=" + d.daysSincePurchase()
                + " repairDueDate=" + d.repairDueDate();
    }
}
