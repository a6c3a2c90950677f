package io.policyengine;

import io.policyengine.decide.Decisions;
import io.policyengine.model.Action;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;
import io.policyengine.model.Money;
import io.policyengine.model.Outcome;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import io.policyengine.text.Template;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The words of decisions in one language (contract section 8): each reason's sentence, rendered from
 * the template its pack gives for the rule, and the summary a cashier reads aloud. Get one from
 * {@link PolicyEngine#wording(Locale)}; immutable and thread-safe. Nothing is rendered while deciding:
 * a decision holds each reason's params, and its text is made here, when it is written.
 */
public final class Wording {
    private static final Template MONEY = Template.parse("{amount, money}");
    /** The duty of a repair outcome (contract 12.2, art. 16), whose due date the outcome sentence gives. */
    private static final String REPAIR_DUTY = "REPAIR";
    private static final Template DATE = Template.parse("{date}");
    private static final Map<String, Map<String, String>> KEYS = new ConcurrentHashMap<>();
    private static final int KEYS_KEPT = 256;

    private final Language language;
    /** The sentences of the pack version that made a decision, in this language; null when unknown. */
    private final Function<PolicyId, PackSentences> sentences;
    /** The engine's own summary patterns in this language (summary.LANG.txt). */
    private final PackSentences engine;

    Wording(Language language, Function<PolicyId, PackSentences> sentences, PackSentences engine) {
        this.language = language;
        this.sentences = sentences;
        this.engine = engine;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The sentences in this language of the pack version {@code policy}; null when this wording does not know it. */
    PackSentences sentencesOf(PolicyId policy) {
        return sentences.apply(policy);
    }

    /** The language these words are in. */
    Language language() {
        return language;
    }

    /** The language's tag: {@code en} or {@code zh-CN}. */
    public String languageTag() {
        return language.tag();
    }

    /**
     * Every word of {@code decision} in this language, rendered once: what the JSON, the table, {@code explain}
     * and the counter page show.
     */
    public RenderedDecision render(Decision decision) {
        Packs packs = new Packs(decision);
        List<RenderedDecision.Words> reasons = new ArrayList<>(decision.reasons().size());
        Reason previous = null;
        RenderedDecision.Words words = null;
        for (Reason reason : decision.reasons()) {
            // one rule's reasons for several remedies read the same sentence: rendered once
            if (previous == null || !saysTheSame(previous, reason)) words = words(packs, reason, reason.article());
            reasons.add(words);
            previous = reason;
        }
        List<RenderedDecision.Words> compensation = new ArrayList<>(decision.compensation().size());
        for (Compensation owed : decision.compensation()) {
            compensation.add(words(packs, owed.reason(), owed.article()));
        }
        List<RenderedDecision.Words> actions = new ArrayList<>(decision.actions().size());
        for (Action action : decision.actions()) {
            RenderedDecision.Words said = words(packs, action.reason(), action.article());
            actions.add(action.estimated() ? new RenderedDecision.Words(estimated(packs, action, said.message()), said.citation(), said.title()) : said);
        }
        List<String> remedies = new ArrayList<>(decision.remedies().size());
        for (Remedy remedy : decision.remedies()) remedies.add(word(packs, remedy.name()));
        return new RenderedDecision(decision, language.tag(), summary(packs), word(packs, decision.outcome().name()),
                remedies, reasons, compensation, actions);
    }

    /** Every word of {@code explanation} in this language: the decision's, and each fired rule's title, citation and reasons. */
    public RenderedExplanation render(Explanation explanation) {
        Packs packs = new Packs(explanation.decision());
        List<RenderedExplanation.Step> steps = new ArrayList<>(explanation.firedRules().size());
        for (FiredRule rule : explanation.firedRules()) {
            String pack = rule.policy();
            List<RenderedDecision.Words> reasons = new ArrayList<>(rule.reasons().size());
            for (Reason reason : rule.reasons()) reasons.add(words(packs, reason, reason.article()));
            steps.add(new RenderedExplanation.Step(rule, title(packs, pack, rule.rule()), cite(packs.of(pack), rule.article()), reasons));
        }
        return new RenderedExplanation(explanation, render(explanation.decision()), steps);
    }

    /**
     * How {@code pack}'s {@code article} is cited in this language, by that pack's {@code [articles]} patterns
     * (else the engine's: art. N, 第N条): what a reason's, a compensation's or a follow-up action's
     * {@code citation} says. {@code pack} null means the store's.
     */
    public String citation(Decision decision, String pack, String article) {
        return cite(new Packs(decision).of(pack), article);
    }

    /** The title {@code pack} gives {@code rule} in this language ({@code [titles]}), else the rule's name. */
    public String title(Decision decision, String pack, String rule) {
        return title(new Packs(decision), pack, rule);
    }

    /** The fixed word (contract 8.3) of an outcome or a remedy, by its name: {@code REFUND} is refund, 退货. */
    public String word(Decision decision, Enum<?> outcomeOrRemedy) {
        return word(new Packs(decision), outcomeOrRemedy.name());
    }

    /** A date in this language's fixed form (contract 8.3): 2026-05-20, 2026年5月20日. */
    public String date(LocalDate date) {
        return DATE.render(Map.of("date", date), language);
    }

    /** The sentence of one of {@code decision}'s reasons, as a cashier reads it. */
    public String message(Decision decision, Reason reason) {
        return message(new Packs(decision), reason);
    }

    /**
     * The sentence of one of {@code decision}'s open duties: its reason's, and when its due date is an estimate past
     * the end of the pack's calendar, saying so (contract 17): "... (estimated: the calendar ends on 2026-12-31)".
     */
    public String message(Decision decision, Action action) {
        Packs packs = new Packs(decision);
        String message = message(packs, action.reason());
        return action.estimated() ? estimated(packs, action, message) : message;
    }

    /** Contract 17: "estimated: the calendar ends on 2026-12-31" for a due date past the calendar; null for one that is no estimate. */
    public String estimate(Decision decision, Action action) {
        return action.estimated() ? estimate(new Packs(decision), action) : null;
    }

    /** The sentence of a compensation owed under {@code decision}. */
    public String message(Decision decision, Compensation owed) {
        return message(decision, owed.reason());
    }

    /**
     * What the cashier reads (contract 8.2), at most three sentences: the request not met and why;
     * the outcome, with a repair's due date; the on-site deadline, money owed, where the law prevails and a due
     * date that is an estimate past the pack's calendar (contract 17); then the store's most urgent open duty
     * (contract 12.3), when there is one.
     */
    public String summary(Decision decision) {
        return summary(new Packs(decision));
    }

    private String title(Packs packs, String pack, String rule) {
        return title(packs.of(pack), rule);
    }

    private static String title(PackSentences own, String rule) {
        String title = own == null ? null : own.title(rule);
        return title == null ? rule : title;
    }

    /** A reason's words, or a compensation's or an action's, whose article is its own: its pack found once for all three. */
    private RenderedDecision.Words words(Packs packs, Reason reason, String article) {
        PackSentences pack = packs.of(reason.policy());
        return new RenderedDecision.Words(message(packs, pack, reason), cite(pack, article), title(pack, reason.rule()));
    }

    /** Two reasons of one rule that differ only in their remedy. */
    private static boolean saysTheSame(Reason a, Reason b) {
        return a.rule().equals(b.rule()) && a.effect() == b.effect() && Objects.equals(a.policy(), b.policy())
                && a.params().equals(b.params());
    }

    private String message(Packs packs, Reason reason) {
        return message(packs, packs.of(reason.policy()), reason);
    }

    /** The reason's sentence from {@code pack}, the sentences of the reason's own pack. */
    private String message(Packs packs, PackSentences pack, Reason reason) {
        PackSentences.Entry entry = pack == null ? null : pack.reason(reason.rule());
        String text = entry == null ? reason.rule() : entry.template().render(reason.params(), language);
        if (!Boolean.TRUE.equals(reason.params().get(Decisions.LAW_PREVAILS))) return text;
        Object over = reason.params().get(Decisions.PREVAILS_OVER);
        Map<String, Object> params = new LinkedHashMap<>(reason.params());
        params.put("message", text);
        if (over == null) return pattern(packs, "law prevails over the store policy").render(params, language);
        params.put("storeArticle", cite(packs.store(), over.toString()));
        return pattern(packs, "law prevails over article").render(params, language);
    }

    private String summary(Packs packs) {
        Decision decision = packs.decision;
        List<String> sentences = new ArrayList<>(3);
        boolean requestMet = decision.request() == null || decision.request().isMetBy(decision.outcome());
        if (!requestMet) {
            Reason refusal = decision.request().refusalIn(decision.reasons());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("request", word(packs, decision.request().name()));
            if (refusal == null) {
                sentences.add(pattern(packs, "request not granted").render(params, language));
            } else {
                putCause(packs, refusal, params);
                sentences.add(pattern(packs, "request refused").render(params, language));
            }
        }
        sentences.add(outcome(packs, !requestMet));

        List<String> clauses = new ArrayList<>(2);
        if (decision.commitments() != null && decision.commitments().onSiteBy() != null) {
            clauses.add(pattern(packs, "on site").render(Map.of("onSiteBy", decision.commitments().onSiteBy()), language));
        }
        for (Compensation owed : decision.compensation()) {
            Map<String, Object> params = new LinkedHashMap<>(owed.reason().params());
            params.put("amount", money(owed));
            params.put("article", cite(packs.of(owed.reason().policy()), owed.article()));
            clauses.add(pattern(packs, "compensation").render(params, language));
        }
        String law = lawPrevails(packs);
        if (law != null) clauses.add(law);
        Action guessed = lastEstimated(decision.actions());
        if (guessed != null) {
            clauses.add(pattern(packs, "estimated due").render(Map.of("due", guessed.due(), "estimated", estimate(packs, guessed)), language));
        }
        if (!clauses.isEmpty()) {
            String separator = pattern(packs, "clause separator").render(Map.of(), language) + language.gap();
            String joined = String.join(separator, clauses);
            if (language.capitalizesSentences()) joined = Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
            sentences.add(pattern(packs, "extras").render(Map.of("clauses", joined), language));
        }
        Action next = decision.actions().isEmpty() ? null : decision.actions().get(0);
        // a repair still on time is the outcome's own due date, said already in sentence 2
        if (next != null && (next.overdue() || !next.action().equals(REPAIR_DUTY))) {
            sentences.add(nextDuty(packs, next));
        }
        return sentences.size() == 1 ? sentences.get(0) : String.join(language.gap(), sentences);
    }

    /** Contract 12.3: the most urgent open duty (the actions come sorted by due date), and whether it is late. */
    private String nextDuty(Packs packs, Action action) {
        Map<String, Object> params = new LinkedHashMap<>();
        String key = key("duty ", action.action());
        params.put("duty", hasPattern(packs, key) ? pattern(packs, key).render(Map.of(), language) : action.action());
        params.put("due", action.due());
        return pattern(packs, action.overdue() ? "next duty overdue" : "next duty").render(params, language);
    }

    /**
     * Of the open duties whose due dates are estimates, the one due last: the due date a rule counted in working days
     * (the repair's), those counted back from it (the notice of its delay) coming before it. Null when none is.
     */
    private static Action lastEstimated(List<Action> actions) {
        Action last = null;
        for (Action action : actions) {
            if (action.estimated()) last = action;
        }
        return last;
    }

    private String estimate(Packs packs, Action action) {
        return pattern(packs, "estimated").render(Map.of("calendarEnd", action.calendarEnd()), language);
    }

    private String estimated(Packs packs, Action action, String message) {
        return pattern(packs, "estimated action").render(Map.of("message", message, "estimated", estimate(packs, action)), language);
    }

    private String outcome(Packs packs, boolean refusalSaid) {
        Decision decision = packs.decision;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("outcome", word(packs, decision.outcome().name()));
        if (decision.repairDueDate() != null) params.put("due", decision.repairDueDate());
        if (decision.outcome() == Outcome.REJECTED && !refusalSaid) {
            Reason first = null;
            for (Reason reason : decision.reasons()) {
                if (reason.effect() == Effect.EXCLUDE) {
                    first = reason;
                    break;
                }
            }
            if (first != null) {
                putCause(packs, first, params);
                return pattern(packs, "outcome REJECTED because").render(params, language);
            }
        }
        if (decision.outcome() == Outcome.REFUND && decision.money().refundDueDate() != null) return refund(packs, params);
        return pattern(packs, key("outcome ", decision.outcome().name())).render(params, language);
    }

    /** Contract 11.2: a refund's amount and last day, and the deduction with its article when there is one. */
    private String refund(Packs packs, Map<String, Object> params) {
        Decision decision = packs.decision;
        Money money = decision.money();
        params.put("due", money.refundDueDate());
        params.put("currency", money.currency());
        if (money.refund() == null) return pattern(packs, "outcome REFUND by").render(params, language);
        params.put("refund", money.refund());
        if (money.depreciation() == null || money.depreciation().signum() == 0) {
            return pattern(packs, "outcome REFUND amount").render(params, language);
        }
        params.put("depreciation", money.depreciation());
        for (Reason reason : decision.reasons()) {
            if (reason.effect() == Effect.PAY && reason.params().containsKey("depreciation")) {
                params.put("article", cite(packs.of(reason.policy()), reason.article()));
                break;
            }
        }
        return pattern(packs, "outcome REFUND less depreciation").render(params, language);
    }

    /** Where a floor's grant is what the decision ends in: that the law prevails, over which store article. */
    private String lawPrevails(Packs packs) {
        Decision decision = packs.decision;
        if (decision.outcome() == Outcome.REJECTED) return null;
        Remedy outcome = Remedy.valueOf(decision.outcome().name());
        for (Reason reason : decision.reasons()) {
            if (reason.effect() != Effect.GRANT || reason.remedy() != outcome
                    || !Boolean.TRUE.equals(reason.params().get(Decisions.LAW_PREVAILS))) continue;
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("floorArticle", cite(packs.of(reason.policy()), reason.article()));
            Object over = reason.params().get(Decisions.PREVAILS_OVER);
            if (over == null) return pattern(packs, "law prevails over policy").render(params, language);
            params.put("storeArticle", cite(packs.store(), over.toString()));
            params.put("prevailsOver", over);
            return pattern(packs, "law prevails").render(params, language);
        }
        return null;
    }

    private void putCause(Packs packs, Reason exclusion, Map<String, Object> params) {
        PackSentences pack = packs.of(exclusion.policy());
        PackSentences.Entry refusal = pack == null ? null : pack.refusal(exclusion.rule());
        params.put("cause", refusal == null ? message(packs, exclusion) : refusal.template().render(exclusion.params(), language));
        params.put("article", cite(pack, exclusion.article()));
    }

    private String money(Compensation owed) {
        Map<String, Object> params = Map.of("amount", owed.amount(), "currency", owed.currency());
        return MONEY.render(params, language);
    }

    private String word(Packs packs, String name) {
        return pattern(packs, key("word ", name)).render(Map.of(), language);
    }

    private boolean hasPattern(Packs packs, String key) {
        PackSentences store = packs.store();
        return store != null && store.summary(key) != null || engine.summary(key) != null;
    }

    /** A summary pattern: the store pack's own where it gives one, else the engine's. */
    private Template pattern(Packs packs, String key) {
        PackSentences store = packs.store();
        PackSentences.Entry entry = store == null ? null : store.summary(key);
        if (entry == null) entry = engine.summary(key);
        if (entry == null) throw new IllegalStateException("no summary pattern \"" + key + "\" in " + engine.file());
        return entry.template();
    }

    /** The key of a summary pattern for a name ({@code word REFUND}, {@code outcome REJECTED}): made once, not per decision. */
    private static String key(String prefix, String name) {
        Map<String, String> keys = KEYS.get(prefix);
        if (keys == null) keys = KEYS.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>());
        String key = keys.get(name);
        if (key != null) return key;
        // interned as the sentence files' keys are (PackSentences.read): the pattern's look-up finds it by identity
        key = (prefix + name).intern();
        // outcomes, remedies, requests and duties are a few dozen; a decision posted to be rendered may name others
        if (keys.size() < KEYS_KEPT) keys.put(name, key);
        return key;
    }

    /** An article as the pack cites it in this language; the pack's patterns first, else art. N / 第N条. */
    private String cite(PackSentences pack, String article) {
        String cited = pack == null ? null : pack.cite(article);
        if (cited == null) cited = engine.cite(article);
        return cited == null ? article : cited;
    }

    /** The sentences of one decision's packs, each looked up once however many of its words name it. */
    private final class Packs {
        final Decision decision;
        private PackSentences store;
        private boolean storeFound;
        private PackSentences[] floors;

        Packs(Decision decision) {
            this.decision = decision;
        }

        PackSentences store() {
            if (!storeFound) {
                store = decision.policy() == null ? null : sentences.apply(decision.policy());
                storeFound = true;
            }
            return store;
        }

        /** The sentences of the pack named {@code packName}: the store's, a floor's, or null for another. */
        PackSentences of(String packName) {
            if (packName == null || decision.policy() == null || packName.equals(decision.policy().name())) return store();
            List<PolicyId> stacked = decision.floors();
            for (int i = 0; i < stacked.size(); i++) {
                if (!stacked.get(i).name().equals(packName)) continue;
                if (floors == null) floors = new PackSentences[stacked.size()];
                if (floors[i] == null) floors[i] = sentences.apply(stacked.get(i));
                return floors[i];
            }
            return null;
        }
    }
}
