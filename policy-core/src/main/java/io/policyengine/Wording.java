package io.policyengine;

import io.policyengine.decide.Decisions;
import io.policyengine.model.Action;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import io.policyengine.text.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The language's tag: {@code en} or {@code zh-CN}. */
    public String languageTag() {
        return language.tag();
    }

    /** The sentence of one of {@code decision}'s reasons, as a cashier reads it. */
    public String message(Decision decision, Reason reason) {
        PackSentences pack = packOf(decision, reason.policy());
        PackSentences.Entry entry = pack == null ? null : pack.reason(reason.rule());
        String text = entry == null ? reason.rule() : entry.template().render(reason.params(), language);
        if (!Boolean.TRUE.equals(reason.params().get(Decisions.LAW_PREVAILS))) return text;
        Object over = reason.params().get(Decisions.PREVAILS_OVER);
        Map<String, Object> params = new LinkedHashMap<>(reason.params());
        params.put("message", text);
        if (over == null) return pattern(decision, "law prevails over the store policy").render(params, language);
        params.put("storeArticle", cite(store(decision), over.toString()));
        return pattern(decision, "law prevails over article").render(params, language);
    }

    /** How the reason's article is cited in this language: art. 13, 第十三条, 《消费者权益保护法》第二十五条. */
    public String article(Decision decision, Reason reason) {
        return cite(packOf(decision, reason.policy()), reason.article());
    }

    /** The sentence of a compensation owed under {@code decision}. */
    public String message(Decision decision, Compensation owed) {
        return message(decision, owed.reason());
    }

    /**
     * What the cashier reads (contract 8.2), at most three sentences: the request not met and why;
     * the outcome, with a repair's due date; the on-site deadline, money owed and where the law prevails;
     * then the store's most urgent open duty (contract 12.3), when there is one.
     */
    public String summary(Decision decision) {
        List<String> sentences = new ArrayList<>(3);
        boolean requestMet = decision.request() == null || decision.request().metBy().stream()
                .anyMatch(remedy -> decision.outcome() == Outcome.of(remedy));
        if (!requestMet) {
            Reason refusal = exclusionOf(decision, decision.request().metBy().get(0));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("request", word(decision, decision.request().name()));
            if (refusal == null) {
                sentences.add(pattern(decision, "request not granted").render(params, language));
            } else {
                putCause(decision, refusal, params);
                sentences.add(pattern(decision, "request refused").render(params, language));
            }
        }
        sentences.add(outcome(decision, !requestMet));

        List<String> clauses = new ArrayList<>(2);
        if (decision.commitments() != null && decision.commitments().onSiteBy() != null) {
            clauses.add(pattern(decision, "on site").render(Map.of("onSiteBy", decision.commitments().onSiteBy()), language));
        }
        for (Compensation owed : decision.compensation()) {
            Map<String, Object> params = new LinkedHashMap<>(owed.reason().params());
            params.put("amount", money(owed));
            params.put("article", cite(packOf(decision, owed.reason().policy()), owed.article()));
            clauses.add(pattern(decision, "compensation").render(params, language));
        }
        String law = lawPrevails(decision);
        if (law != null) clauses.add(law);
        if (!clauses.isEmpty()) {
            String separator = pattern(decision, "clause separator").render(Map.of(), language) + language.gap();
            String joined = String.join(separator, clauses);
            if (language == Language.EN) joined = Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
            sentences.add(pattern(decision, "extras").render(Map.of("clauses", joined), language));
        }
        Action next = decision.actions().isEmpty() ? null : decision.actions().get(0);
        // a repair still on time is the outcome's own due date, said already in sentence 2
        if (next != null && (next.overdue() || !next.action().equals(REPAIR_DUTY))) {
            sentences.add(nextDuty(decision, next));
        }
        return String.join(language.gap(), sentences);
    }

    /** Contract 12.3: the most urgent open duty (the actions come sorted by due date), and whether it is late. */
    private String nextDuty(Decision decision, Action action) {
        Map<String, Object> params = new LinkedHashMap<>();
        String key = "duty " + action.action();
        params.put("duty", hasPattern(decision, key) ? pattern(decision, key).render(Map.of(), language) : action.action());
        params.put("due", action.due());
        return pattern(decision, action.overdue() ? "next duty overdue" : "next duty").render(params, language);
    }

    private String outcome(Decision decision, boolean refusalSaid) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("outcome", word(decision, decision.outcome().name()));
        if (decision.repairDueDate() != null) params.put("due", decision.repairDueDate());
        if (decision.outcome() == Outcome.REJECTED && !refusalSaid) {
            Reason first = decision.reasons().stream().filter(r -> r.effect() == Effect.EXCLUDE).findFirst().orElse(null);
            if (first != null) {
                putCause(decision, first, params);
                return pattern(decision, "outcome REJECTED because").render(params, language);
            }
        }
        return pattern(decision, "outcome " + decision.outcome().name()).render(params, language);
    }

    /** Where a floor's grant is what the decision ends in: that the law prevails, over which store article. */
    private String lawPrevails(Decision decision) {
        if (decision.outcome() == Outcome.REJECTED) return null;
        Remedy outcome = Remedy.valueOf(decision.outcome().name());
        for (Reason reason : decision.reasons()) {
            if (reason.effect() != Effect.GRANT || reason.remedy() != outcome
                    || !Boolean.TRUE.equals(reason.params().get(Decisions.LAW_PREVAILS))) continue;
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("floorArticle", cite(packOf(decision, reason.policy()), reason.article()));
            Object over = reason.params().get(Decisions.PREVAILS_OVER);
            if (over == null) return pattern(decision, "law prevails over policy").render(params, language);
            params.put("storeArticle", cite(store(decision), over.toString()));
            params.put("prevailsOver", over);
            return pattern(decision, "law prevails").render(params, language);
        }
        return null;
    }

    /** The exclusion that removed {@code remedy}: the store pack's first, as the reasons are ordered. */
    private static Reason exclusionOf(Decision decision, Remedy remedy) {
        for (Reason reason : decision.reasons()) {
            if (reason.effect() == Effect.EXCLUDE && reason.remedy() == remedy) return reason;
        }
        return null;
    }

    private void putCause(Decision decision, Reason exclusion, Map<String, Object> params) {
        PackSentences pack = packOf(decision, exclusion.policy());
        PackSentences.Entry refusal = pack == null ? null : pack.refusal(exclusion.rule());
        params.put("cause", refusal == null ? message(decision, exclusion) : refusal.template().render(exclusion.params(), language));
        params.put("article", cite(pack, exclusion.article()));
    }

    private String money(Compensation owed) {
        Map<String, Object> params = Map.of("amount", owed.amount(), "currency", owed.currency());
        return MONEY.render(params, language);
    }

    private String word(Decision decision, String name) {
        return pattern(decision, "word " + name).render(Map.of(), language);
    }

    private boolean hasPattern(Decision decision, String key) {
        PackSentences store = store(decision);
        return store != null && store.summary(key) != null || engine.summary(key) != null;
    }

    /** A summary pattern: the store pack's own where it gives one, else the engine's. */
    private Template pattern(Decision decision, String key) {
        PackSentences store = store(decision);
        PackSentences.Entry entry = store == null ? null : store.summary(key);
        if (entry == null) entry = engine.summary(key);
        if (entry == null) throw new IllegalStateException("no summary pattern \"" + key + "\" in " + engine.file());
        return entry.template();
    }

    /** An article as the pack cites it in this language; the pack's patterns first, else art. N / 第N条. */
    private String cite(PackSentences pack, String article) {
        String cited = pack == null ? null : pack.cite(article);
        if (cited == null) cited = engine.cite(article);
        return cited == null ? article : cited;
    }

    private PackSentences store(Decision decision) {
        return decision.policy() == null ? null : sentences.apply(decision.policy());
    }

    private PackSentences packOf(Decision decision, String packName) {
        if (packName == null || decision.policy() == null || packName.equals(decision.policy().name())) return store(decision);
        for (PolicyId floor : decision.floors()) {
            if (floor.name().equals(packName)) return sentences.apply(floor);
        }
        return null;
    }
}
