package io.policyengine.decide;

import io.policyengine.facts.Commitment;
import io.policyengine.facts.Duty;
import io.policyengine.facts.CompensationDue;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Findings;
import io.policyengine.facts.Grant;
import io.policyengine.model.Action;
import io.policyengine.facts.RefundAmount;
import io.policyengine.facts.RefundDue;
import io.policyengine.facts.ReturnShipping;
import io.policyengine.model.Claim;
import io.policyengine.model.Commitments;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Money;
import io.policyengine.model.Outcome;
import io.policyengine.model.Payer;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.model.Request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what the rules found into a decision (contract sections 2, 6.2 and 7.3). It decides nothing
 * itself: each pack's remedies are its grants less its own exclusions; a stack's remedies are the
 * union of its packs' (a free repair makes a paid one moot); the outcome follows from them and the
 * request; deadlines and compensation that the rules tied to a repair apply when the outcome is one,
 * and what they said of a refund's money when the outcome is a refund.
 */
public final class Decisions {
    private static final Remedy[] REMEDIES = Remedy.values();
    private static final int FREE_REPAIR = 1 << Remedy.FREE_REPAIR.ordinal();
    private static final int PAID_REPAIR = 1 << Remedy.PAID_REPAIR.ordinal();
    /** The remedies of each set, by bit mask in the contract's order: decisions share these lists. */
    private static final List<List<Remedy>> REMEDY_LISTS = remedyLists();
    /** By effect (grants, exclusions, commitments, compensation), article in reading order, remedy and rule. */
    private static final Comparator<Reason> REASON_ORDER = Decisions::compareReasons;
    /** The params a floor's grant gains where the law prevails over the store's rules (contract 6.2.3). */
    public static final String LAW_PREVAILS = "lawPrevails";
    public static final String PREVAILS_OVER = "prevailsOver";

    private Decisions() {
    }

    /** The decision of a stack (one pack alone is a stack too): the store pack's findings first, then each floor's. */
    public static Decision assemble(Claim claim, List<PackFindings> packs) {
        int allowed = 0;
        int storeAllowed = 0;
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < packs.size(); i++) {
            int packAllowed = allowed(packs.get(i).findings());
            if (i == 0) storeAllowed = packAllowed;
            allowed |= packAllowed;
        }
        if ((allowed & FREE_REPAIR) != 0) allowed &= ~PAID_REPAIR;
        Outcome outcome = outcome(claim.request(), allowed);

        for (int i = 0; i < packs.size(); i++) {
            Findings findings = packs.get(i).findings();
            int from = reasons.size();
            for (Grant grant : findings.grants()) reasons.add(grant.reason());
            for (Exclusion exclusion : findings.exclusions()) {
                if (!exclusion.ifGranted()) {
                    reasons.add(exclusion.reason());
                    continue;
                }
                for (Grant grant : findings.grants()) {
                    if (exclusion.takesAway(grant)) reasons.add(exclusion.reason());  // once per grant taken away
                }
            }
            for (Commitment commitment : findings.commitments()) {
                if (!commitment.repairOnly() || outcome.isRepair()) reasons.add(commitment.reason());
            }
            for (CompensationDue due : findings.compensation()) {
                if (!due.repairOnly() || outcome.isRepair()) reasons.add(due.reason());
            }
            addMoneyReasons(reasons, outcome, findings, packs);
            reasons.subList(from, reasons.size()).sort(REASON_ORDER);
            if (i > 0) saySoWhereTheLawPrevails(reasons, from, allowed & ~storeAllowed, packs.get(0).findings());
        }

        // lists the decision would copy again: none made for a pack without floors, nor for no compensation
        List<PolicyId> floors = List.of();
        if (packs.size() > 1) {
            floors = new ArrayList<>(packs.size() - 1);
            for (int i = 1; i < packs.size(); i++) floors.add(packs.get(i).policy());
        }
        return new Decision(claim.id(), outcome, REMEDY_LISTS.get(allowed), claim.daysSincePurchase(),
                repairDue(claim, outcome, packs), reasons, packs.get(0).policy(), floors,
                commitments(claim, outcome, packs), compensation(outcome, packs), claim.request(),
                money(claim, outcome, packs), actions(claim, outcome, packs));
    }

    /** Contract section 2: the request if allowed, else the first allowed remedy, else REJECTED. */
    static Outcome outcome(Request request, int allowed) {
        if (allowed == 0) return Outcome.REJECTED;
        if (request != null) {
            for (Remedy wanted : request.metBy()) {
                if ((allowed & (1 << wanted.ordinal())) != 0) return Outcome.of(wanted);
            }
        }
        return Outcome.of(REMEDIES[Integer.numberOfTrailingZeros(allowed)]);
    }

    /** The remedies a pack grants that none of its exclusions takes away. */
    private static int allowed(Findings findings) {
        int allowed = 0;
        for (Grant grant : findings.grants()) {
            int remedy = 1 << grant.remedy().ordinal();
            // a remedy another grant already allows needs no look through the exclusions (a chain grants one on many grounds)
            if ((allowed & remedy) == 0 && !findings.excluded(grant)) allowed |= remedy;
        }
        return allowed;
    }

    /**
     * Contract 6.2.3: a floor's grant of what the store did not allow says that the law prevails, and
     * over which store article (when a store exclusion removed it): the params {@code lawPrevails}
     * and {@code prevailsOver}, which the wording turns into "the law prevails over store article 13: ...".
     */
    private static void saySoWhereTheLawPrevails(List<Reason> reasons, int from, int onlyByLaw, Findings store) {
        for (int r = from; r < reasons.size(); r++) {
            Reason reason = reasons.get(r);
            if (reason.effect() != Effect.GRANT || (onlyByLaw & (1 << reason.remedy().ordinal())) == 0) continue;
            Reason prevailing = reason.withParam(LAW_PREVAILS, true);
            for (Exclusion exclusion : store.exclusions()) {
                if (exclusion.remedy() == reason.remedy() && (!exclusion.ifGranted() || store.takesAwayAny(exclusion))) {
                    prevailing = prevailing.withParam(PREVAILS_OVER, exclusion.reason().article());
                    break;
                }
            }
            reasons.set(r, prevailing);
        }
    }

    /** Art. 16 of the store pack (or a floor's own deadline) when the outcome is a repair. */
    private static LocalDate repairDue(Claim claim, Outcome outcome, List<PackFindings> packs) {
        if (!outcome.isRepair()) return null;
        for (PackFindings pack : packs) {
            if (pack.findings().repairDeadline() != null) {
                return pack.findings().repairDeadline().due();
            }
        }
        return null;
    }

    private static Commitments commitments(Claim claim, Outcome outcome, List<PackFindings> packs) {
        if (claim.service() == null) return null;
        Map<String, LocalDateTime> promised = new HashMap<>();
        for (PackFindings pack : packs) {
            for (Commitment commitment : pack.findings().commitments()) {
                if (!commitment.repairOnly() || outcome.isRepair()) promised.putIfAbsent(commitment.name(), commitment.at());
            }
        }
        return new Commitments(promised.get("respondBy"), promised.get("dispatchBy"), promised.get("onSiteBy"),
                promised.get("resolveBy"), promised.get("loanerDueAt"));
    }

    private static List<Compensation> compensation(Outcome outcome, List<PackFindings> packs) {
        List<Compensation> owed = List.of();
        for (PackFindings pack : packs) {
            for (CompensationDue due : pack.findings().compensation()) {
                if (!due.repairOnly() || outcome.isRepair()) {
                    if (owed.isEmpty()) owed = new ArrayList<>(2);
                    owed.add(new Compensation(due.reason().article(), due.amount(), due.currency(), due.reason()));
                }
            }
        }
        return owed;
    }

    // ---- Contract 12.3: the follow-up duties still open, as the rules found them ----

    /** By due date, then article in reading order. */
    private static final Comparator<Action> ACTION_ORDER =
            Comparator.comparing(Action::due).thenComparing((a, b) -> compareArticles(a.article(), b.article()));

    /** Every pack's open duties (a repair's only when the outcome is one), overdue when judged after their due date. */
    private static List<Action> actions(Claim claim, Outcome outcome, List<PackFindings> packs) {
        List<Action> open = null;
        LocalDate judgedOn = null;
        for (PackFindings pack : packs) {
            for (Duty duty : pack.findings().duties()) {
                if (!duty.open() || duty.repairOnly() && !outcome.isRepair()) continue;
                if (open == null) {
                    open = new ArrayList<>(4);
                    judgedOn = claim.judgedOn();
                }
                open.add(new Action(duty.action(), duty.reason().article(), duty.due(), judgedOn.isAfter(duty.due()), duty.reason(),
                        duty.calendarEnd()));
            }
        }
        if (open == null) return List.of();
        open.sort(ACTION_ORDER);
        return open;
    }

    /** The reasons of what a pack said of the money that hold for this outcome: the refund's deadline, postage, deductions. */
    private static void addMoneyReasons(List<Reason> reasons, Outcome outcome, Findings findings, List<PackFindings> packs) {
        if (outcome == Outcome.REFUND) {
            for (RefundDue due : findings.refundDue()) {
                if (applies(due, findings)) reasons.add(due.reason());
            }
            for (RefundAmount amount : findings.refundAmounts()) {
                if (applies(amount, packs)) reasons.add(amount.reason());
            }
        }
        for (ReturnShipping shipping : findings.returnShipping()) {
            if (applies(shipping, outcome, findings)) reasons.add(shipping.reason());
        }
    }

    /**
     * Contract 11.2: the currency of the store pack's terms (of the first floor's, when the store pack names none);
     * the refund's deadline is the earliest any pack sets for this refund; the refund is the price less what
     * the rules keep back, null when a rule says it cannot be priced; the postage is paid by whom the first
     * rule that speaks of this outcome says.
     */
    private static Money money(Claim claim, Outcome outcome, List<PackFindings> packs) {
        String currency = null;
        LocalDate refundDue = null;
        for (PackFindings pack : packs) {
            for (RefundDue due : pack.findings().refundDue()) {
                if (currency == null) currency = due.currency();
                if (outcome != Outcome.REFUND || !applies(due, pack.findings())) continue;
                LocalDate date = claim.claimDate().plusDays(due.days());
                if (refundDue == null || date.isBefore(refundDue)) refundDue = date;
            }
        }
        Payer payer = null;
        for (int i = 0; i < packs.size() && payer == null; i++) {
            for (ReturnShipping shipping : packs.get(i).findings().returnShipping()) {
                // within a pack that speaks of this outcome on two grounds, the customer takes the better: the store pays
                if (applies(shipping, outcome, packs.get(i).findings()) && payer != Payer.STORE) payer = shipping.payer();
            }
        }
        if (outcome != Outcome.REFUND) return new Money(currency, null, null, null, payer);

        BigDecimal price = claim.product().price();
        BigDecimal depreciation = BigDecimal.ZERO;
        boolean priced = price != null;
        for (PackFindings pack : packs) {
            for (RefundAmount amount : pack.findings().refundAmounts()) {
                if (!applies(amount, packs)) continue;
                if (amount.kept() == null) {
                    priced = false;
                    if (amount.ifOnlyGrant()) depreciation = null;
                } else if (depreciation != null) {
                    depreciation = depreciation.add(amount.kept());
                }
            }
        }
        // Contract 17: the amount kept is rounded to the currency's minor units first and capped at the price
        // after, so that 0 <= depreciation <= price and refund + depreciation = price hold to the last digit.
        int minorUnits = Money.minorUnits(currency);
        if (depreciation != null) {
            depreciation = depreciation.setScale(minorUnits, RoundingMode.HALF_UP);
            if (price != null && depreciation.compareTo(price) > 0) depreciation = price.setScale(minorUnits, RoundingMode.UNNECESSARY);
        }
        BigDecimal refund = priced && depreciation != null
                ? price.subtract(depreciation).setScale(minorUnits, RoundingMode.UNNECESSARY) : null;
        return new Money(currency, refund, depreciation, refundDue, payer);
    }

    /** Who pays the postage of this outcome, as a rule said: for any grant of it, or for its grants under one article. */
    private static boolean applies(ReturnShipping shipping, Outcome outcome, Findings pack) {
        if (!shipping.covers(outcome)) return false;
        return shipping.under() == null || pack.allowsUnder(Remedy.valueOf(outcome.name()), shipping.under());
    }

    /** A deadline made for the refunds under an article holds when the pack grants the refund under it. */
    private static boolean applies(RefundDue due, Findings pack) {
        return due.under() == null || pack.allowsUnder(Remedy.REFUND, due.under());
    }

    /** A finding made {@code ifOnlyGrant} holds when every grant of the refund, in any pack, is under its article. */
    private static boolean applies(RefundAmount amount, List<PackFindings> packs) {
        if (!amount.ifOnlyGrant()) return true;
        for (PackFindings pack : packs) {
            for (Grant grant : pack.findings().grants()) {
                if (grant.remedy() == Remedy.REFUND && !pack.findings().excluded(grant)
                        && !(Objects.equals(grant.reason().policy(), amount.reason().policy()) && grant.reason().cites(amount.onlyUnder()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int compareReasons(Reason a, Reason b) {
        int order = a.effect().compareTo(b.effect());
        if (order == 0) order = compareArticles(a.article(), b.article());
        if (order == 0 && a.remedy() != b.remedy()) {
            order = a.remedy() == null ? 1 : b.remedy() == null ? -1 : a.remedy().compareTo(b.remedy());
        }
        if (order == 0) order = a.rule().compareTo(b.rule());
        return order;
    }

    /** Articles in reading order: "7" before "13", numbers before labels such as "S1". */
    static int compareArticles(String a, String b) {
        if (a.equals(b)) return 0;
        boolean aNumber = isNumber(a);
        boolean bNumber = isNumber(b);
        if (aNumber && bNumber) return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        if (aNumber != bNumber) return aNumber ? -1 : 1;
        if (a.length() != b.length() && a.charAt(0) == b.charAt(0)) return Integer.compare(a.length(), b.length());
        return a.compareTo(b);
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 9) return false;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) return false;
        }
        return true;
    }

    private static List<List<Remedy>> remedyLists() {
        List<List<Remedy>> lists = new ArrayList<>();
        for (int mask = 0; mask < 1 << REMEDIES.length; mask++) {
            List<Remedy> remedies = new ArrayList<>();
            for (Remedy remedy : REMEDIES) {
                if ((mask & (1 << remedy.ordinal())) != 0) remedies.add(remedy);
            }
            lists.add(List.copyOf(remedies));
        }
        return List.copyOf(lists);
    }
}
