package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RenderedDecision;
import io.policyengine.RenderedExplanation;
import io.policyengine.RuleFailureException;
import io.policyengine.RuleLoadException;
import io.policyengine.Wording;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.StoresOption;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.examples.words.Words;
import io.policyengine.facts.Duty;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;
import io.policyengine.model.Money;
import io.policyengine.model.PackRule;
import io.policyengine.model.PackTerm;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.text.Language;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

@Command(name = "explain", description = {
        "Shows how each claim is decided, rule by rule.",
        "For each claim it lists the rules that fired in order, what each granted or excluded and the policy terms it used.",
        "Then it gives the outcome, with why the customer's request was or was not met."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    StoresOption stores;
    @Mixin
    LanguageOption language;
    @Option(names = "--json", description = "Print each explanation as one JSON object per line.")
    boolean json;
    @Parameters(index = "0", paramLabel = "FILE",
            description = "Claims to explain, as decide reads them ('-' reads standard input).")
    String file;

    private final InputStream stdin;

    ExplainCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws RuleLoadException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StoresOption.Deciding deciding = stores.deciding(rules, language);
        ClaimBatches.Decider engine = deciding.decider();
        AtomicBoolean rulesFailed = new AtomicBoolean();
        Map<PolicyEngine, Sources> sources = new ConcurrentHashMap<>();
        boolean allGood = ClaimBatches.read(engine, List.of(file), stdin, item -> {
            if (item.claim() == null) {
                ClaimBatches.reportBadInput(item, out, err);
                return;
            }
            Explanation explanation;
            try {
                explanation = engine.explain(item.claim());
            } catch (RuleFailureException e) {
                rulesFailed.set(true);
                ClaimBatches.reportBadInput(ClaimBatches.failed(item, e), out, err);
                return;
            }
            Wording wording = deciding.wordings().apply(item.claim());
            if (json) out.println(DecisionJson.explanationJson(wording.render(explanation)));
            else print(out, explanation, wording, sources.computeIfAbsent(deciding.engines().apply(item.claim()), Sources::of));
        });
        return allGood && !rulesFailed.get() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** Explain's own words in the wording's language (words.LANG.properties); the decision's come rendered from the pack. */
    private static Words words(Wording wording) {
        return Words.of(ExplainCommand.class, Language.ofTag(wording.languageTag()).orElse(Language.EN));
    }

    static void print(PrintWriter out, Explanation explanation, Wording wording, Sources sources) {
        RenderedExplanation rendered = wording.render(explanation);
        Words words = words(wording);
        boolean english = words.language() == Language.EN;
        Claim claim = explanation.claim();
        Decision decision = explanation.decision();
        out.println(words.render("explain.claim", Map.of("id", Printable.oneLine(claim.id()), "days", decision.daysSincePurchase(),
                "purchased", claim.purchaseDate(), "claimed", claim.claimDate(),
                "defect", words.get(claim.qualityDefect() ? "explain.defect" : "explain.noDefect"),
                "request", claim.request() == null ? words.get("explain.nothingAsked")
                        : english ? claim.request().name() : wording.word(decision, claim.request()))));
        int step = 0;
        for (RenderedExplanation.Step rule : rendered.steps()) {
            out.println("  " + words.render("explain.step", Map.of("n", ++step, "title", Printable.oneLine(rule.title()),
                    "citation", Printable.oneLine(rule.citation()))) + terms(rule.rule(), sources, words));
            PackRule source = sources.rule(rule.rule());
            if (source != null) {
                out.println("       " + words.render("explain.from", Map.of("pack", source.origin(), "where", Printable.oneLine(source.where()))));
            }
            Collection<List<Integer>> groups = byMessage(rule, decision);
            if (groups.isEmpty() && !rule.rule().reasons().isEmpty()) {
                // a money rule that speaks of another outcome (the postage of a paid repair, for a refund)
                out.println("       " + words.render("explain.notApplied", Map.of("outcome",
                        english ? decision.outcome().name() : rendered.decision().outcome())));
            }
            for (List<Integer> group : groups) {
                Reason first = rule.rule().reasons().get(group.get(0));
                String message = Printable.oneLine(rule.reasons().get(group.get(0)).message());
                if (first.effect() == Effect.DUTY) {
                    out.println("       " + duty(decision, first, message, wording, words));
                    continue;
                }
                String remedies = group.stream().map(i -> rule.rule().reasons().get(i).remedy()).filter(r -> r != null)
                        .map(r -> english ? r.name() : wording.word(decision, r)).collect(Collectors.joining(words.get("list")));
                out.println("       " + words.render("explain.says", Map.of("verb", words.get("explain.verb." + first.effect()),
                        "remedies", remedies.isEmpty() ? "" : words.render("explain.remedies", Map.of("remedies", remedies)),
                        "message", message)));
            }
        }
        List<String> allowed = english ? decision.remedies().stream().map(Remedy::name).toList() : rendered.decision().remedies();
        out.println("  " + words.render("explain.allowed", Map.of("remedies",
                allowed.isEmpty() ? words.get("explain.nothing") : String.join(words.get("list"), allowed))));
        out.println("  " + words.render("explain.outcome", Map.of("outcome", english ? decision.outcome().name() : rendered.decision().outcome()))
                + (decision.repairDueDate() == null ? "" : words.render("explain.repairDue", Map.of("due", decision.repairDueDate()))));
        String money = money(decision, words);
        if (money != null) out.println("  " + words.render("explain.money", Map.of("money", money)));
        out.println("  " + requestVerdict(claim, rendered.decision(), wording, words));
        out.println("  " + words.render("explain.summary", Map.of("summary", Printable.oneLine(rendered.decision().summary()))));
        out.println();
    }

    /**
     * The money block (contract 11.2), with the depreciation's arithmetic when a fee is kept back:
     * price × rate × (days used − days in repair). Null when no money moves and no postage is owed.
     */
    static String money(Decision decision, Words words) {
        Money money = decision.money();
        if (money.refundDueDate() == null && money.returnShipping() == null) return null;
        List<String> parts = new ArrayList<>(2);
        if (money.refundDueDate() != null) {
            if (money.refund() == null) {
                parts.add(words.render("money.unpriced", Map.of("due", money.refundDueDate())));
            } else {
                String how = "";
                if (money.depreciation() != null && money.depreciation().signum() > 0) {
                    how = decision.reasons().stream().filter(r -> r.effect() == Effect.PAY && r.params().containsKey("depreciation"))
                            .findFirst().map(r -> {
                                Map<String, Object> params = new LinkedHashMap<>(r.params());
                                params.put("depreciation", money.depreciation());
                                params.put("currency", money.currency());
                                return words.render("money.depreciation", params);
                            }).orElse("");
                } else {
                    how = words.get(money.depreciation() == null ? "money.fullPrice" : "money.noDepreciation");
                }
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("amount", money.refund());
                params.put("currency", money.currency());
                params.put("how", how);
                params.put("due", money.refundDueDate());
                parts.add(words.render("money.refund", params));
            }
        }
        if (money.returnShipping() != null) parts.add(words.render("money.postage", Map.of("payer", money.returnShipping().name())));
        return String.join(words.get("money.join"), parts);
    }

    /**
     * A follow-up duty (contract 12.2): its state (open with its due date, and whether that is an estimate past the pack's
     * calendar; closed; or not held because the outcome is not a repair), its sentence, and the events that opened and closed it.
     */
    static String duty(Decision decision, Reason reason, String message, Wording wording, Words words) {
        Action open = decision.actions().stream().filter(a -> a.reason() == reason).findFirst().orElse(null);
        Map<String, Object> params = reason.params();
        String state;
        if (open != null) {
            String estimate = wording.estimate(decision, open);
            state = words.render("duty.open", Map.of("action", code(words, "action.", open.action()), "due", open.due(),
                    "overdue", open.overdue() ? words.get("duty.overdue") : "",
                    "estimated", estimate == null ? "" : words.render("duty.estimated", Map.of("estimate", estimate))));
        } else {
            state = words.get(params.get(Duty.CLOSED_BY) != null ? "duty.closed" : "duty.notHeld");
        }
        Object openedBy = params.get(Duty.OPENED_BY);
        Object closedBy = params.get(Duty.CLOSED_BY);
        String opened = openedBy == null ? words.get("duty.openedByDecision")
                : words.render("duty.openedBy", Map.of("event", code(words, "event.", openedBy), "on", params.get(Duty.OPENED_ON)));
        String closed = closedBy == null ? ""
                : words.render("duty.closedBy", Map.of("event", code(words, "event.", closedBy), "on", params.get(Duty.CLOSED_ON)));
        return words.render("duty.line", Map.of("state", state, "message", message, "opened", opened, "closed", closed));
    }

    /** A code (an action, an event) in this language's words where it has one; English shows the code itself. */
    private static String code(Words words, String prefix, Object code) {
        return words.has(prefix + code) ? words.get(prefix + code) : String.valueOf(code);
    }

    /** Why the customer's request was or was not met. */
    private static String requestVerdict(Claim claim, RenderedDecision rendered, Wording wording, Words words) {
        Decision decision = rendered.decision();
        if (claim.request() == null) return words.get(decision.remedies().isEmpty() ? "explain.noRequestRejected" : "explain.noRequest");
        boolean english = words.language() == Language.EN;
        String request = english ? claim.request().name() : wording.word(decision, claim.request());
        boolean met = claim.request().metBy().stream().anyMatch(decision.remedies()::contains);
        if (met) return words.render("explain.met", Map.of("request", request));
        Set<String> why = new LinkedHashSet<>();
        for (int i = 0; i < decision.reasons().size(); i++) {
            Reason reason = decision.reasons().get(i);
            if (reason.effect() == Effect.EXCLUDE && claim.request().metBy().contains(reason.remedy())) {
                why.add(words.render("explain.cause", Map.of("citation", rendered.reasons().get(i).citation(),
                        "message", rendered.reasons().get(i).message())));
            }
        }
        return words.render("explain.notMet", Map.of("request", request,
                "why", why.isEmpty() ? words.get("explain.noArticle") : String.join(words.get("causes"), why)))
                + (decision.remedies().isEmpty() ? "" : words.render("explain.offered",
                Map.of("outcome", english ? decision.outcome().name() : rendered.outcome())));
    }

    private static String terms(FiredRule rule, Sources sources, Words words) {
        Map<String, Object> terms = rule.terms();
        if (terms.isEmpty()) return "";
        List<String> each = new ArrayList<>(terms.size());
        for (Map.Entry<String, Object> term : terms.entrySet()) {
            PackTerm source = sources.term(rule, term.getKey());
            each.add(source == null ? term.getKey() + "=" + term.getValue()
                    : words.render("explain.termFrom", Map.of("term", term.getKey(), "value", term.getValue(), "pack", source.origin())));
        }
        return "  " + words.render("explain.terms", Map.of("terms", String.join(", ", each)));
    }

    /** A rule's reasons grouped by effect and sentence, as indexes: "grants REFUND, EXCHANGE: ..." reads as one line. */
    private static Collection<List<Integer>> byMessage(RenderedExplanation.Step rule, Decision decision) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rule.reasons().size(); i++) {
            Reason reason = rule.rule().reasons().get(i);
            // a money rule speaks of some outcomes only (the postage of a paid repair): shown where it holds
            if (reason.effect() == Effect.PAY && !decision.reasons().contains(reason)) continue;
            groups.computeIfAbsent(rule.rule().reasons().get(i).effect() + " " + rule.reasons().get(i).message(), k -> new ArrayList<>()).add(i);
        }
        return groups.values();
    }

    /**
     * Where the rules and terms of a pack that extends another come from (contract 14.1), to show beside each step:
     * only those a parent gave, so that a step without a source is the pack's own. Empty for a pack without parents.
     */
    record Sources(String pack, Map<String, PackRule> rules, Map<String, PackTerm> terms) {
        static Sources of(PolicyEngine engine) {
            if (engine.policy().parents().isEmpty()) return new Sources(engine.policy().name(), Map.of(), Map.of());
            Map<String, PackRule> rules = new HashMap<>();
            for (PackRule rule : engine.rules()) {
                if (!rule.own()) rules.putIfAbsent(rule.pack() + "\n" + rule.name(), rule);
            }
            Map<String, PackTerm> terms = new HashMap<>();
            for (PackTerm term : engine.termSources()) {
                if (!term.origin().equals(engine.policy().name())) terms.put(term.name(), term);
            }
            return new Sources(engine.policy().name(), rules, terms);
        }

        PackRule rule(FiredRule fired) {
            return rules.get(fired.policy() + "\n" + fired.rule());
        }

        /** The source of a term a store-pack rule read; null for a floor's, or when the pack has no parents. */
        PackTerm term(FiredRule fired, String name) {
            return pack.equals(fired.policy()) ? terms.get(name) : null;
        }
    }
}
