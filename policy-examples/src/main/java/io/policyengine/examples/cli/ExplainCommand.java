package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleFailureException;
import io.policyengine.RuleLoadException;
import io.policyengine.Wording;
import io.policyengine.json.DecisionJson;
import io.policyengine.facts.Duty;
import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

@Command(name = "explain", description = {
        "Shows how each claim is decided, rule by rule.",
        "For each claim: the rules that fired in order, what each granted or excluded and the policy terms",
        "it used, and the outcome with why the customer's request was or was not met."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    LanguageOption language;
    @Option(names = "--json", description = "Print each explanation as one JSON object per line.")
    boolean json;
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    private final InputStream stdin;

    ExplainCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws RuleLoadException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicyEngine engine = rules.engine();
        Wording wording = language.wording(engine);
        AtomicBoolean rulesFailed = new AtomicBoolean();
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
            if (json) out.println(DecisionJson.explanationJson(explanation, wording));
            else print(out, explanation, wording);
        });
        return allGood && !rulesFailed.get() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private static final Map<Effect, String> VERBS = Map.of(
            Effect.GRANT, "grants", Effect.EXCLUDE, "excludes", Effect.COMMIT, "promises", Effect.COMPENSATE, "owes",
            Effect.DUTY, "duty");

    static void print(PrintWriter out, Explanation explanation, Wording wording) {
        Claim claim = explanation.claim();
        Decision decision = explanation.decision();
        out.printf("%s: day %d after purchase (%s to %s), %s, asks for %s%n", Printable.oneLine(claim.id()), decision.daysSincePurchase(),
                claim.purchaseDate(), claim.claimDate(), claim.qualityDefect() ? "quality defect" : "no quality defect",
                claim.request() == null ? "nothing in particular" : claim.request());
        int step = 0;
        for (FiredRule rule : explanation.firedRules()) {
            out.printf("  %d. %s (art. %s)%s%n", ++step, Printable.oneLine(rule.rule()), Printable.oneLine(rule.article()), terms(rule.terms()));
            for (Map.Entry<String, List<Reason>> group : byMessage(rule.reasons(), decision, wording).entrySet()) {
                Reason first = group.getValue().get(0);
                String remedies = group.getValue().stream().map(r -> r.remedy() == null ? "" : r.remedy().name() + " ")
                        .collect(Collectors.joining()).trim().replace(" ", ", ");
                if (first.effect() == Effect.DUTY) {
                    out.printf("       %s%n", duty(decision, first, wording));
                    continue;
                }
                out.printf("       %s%s: %s%n", VERBS.get(first.effect()), remedies.isEmpty() ? "" : " " + remedies,
                        Printable.oneLine(wording.message(decision, first)));
            }
        }
        out.printf("  allowed: %s%n", decision.remedies().isEmpty() ? "nothing"
                : decision.remedies().stream().map(Remedy::name).collect(Collectors.joining(", ")));
        out.printf("  outcome: %s%s%n", decision.outcome(), decision.repairDueDate() == null ? "" : ", repair due " + decision.repairDueDate());
        out.printf("  %s%n", requestVerdict(claim, decision, wording));
        out.printf("  summary: %s%n%n", Printable.oneLine(wording.summary(decision)));
    }

    /**
     * A follow-up duty (contract 12.2): its state (open with its due date, closed, or not held because the outcome is not
     * a repair), its sentence, and the events that opened and closed it.
     */
    static String duty(Decision decision, Reason reason, Wording wording) {
        Action open = decision.actions().stream().filter(a -> a.reason() == reason).findFirst().orElse(null);
        Map<String, Object> params = reason.params();
        String state;
        if (open != null) state = open.action() + " open, due " + open.due() + (open.overdue() ? ", overdue" : "");
        else if (params.get(Duty.CLOSED_BY) != null) state = "closed";
        else state = "not held: the outcome is not a repair";
        String opened = params.get(Duty.OPENED_BY) == null ? "opened by the decision"
                : "opened by " + params.get(Duty.OPENED_BY) + " on " + params.get(Duty.OPENED_ON);
        String closed = params.get(Duty.CLOSED_BY) == null ? "" : ", closed by " + params.get(Duty.CLOSED_BY) + " on " + params.get(Duty.CLOSED_ON);
        return "duty (" + state + "): " + Printable.oneLine(wording.message(decision, reason)) + " [" + opened + closed + "]";
    }

    /** Why the customer's request was or was not met. */
    static String requestVerdict(Claim claim, Decision decision, Wording wording) {
        if (claim.request() == null) {
            return decision.remedies().isEmpty() ? "nothing is allowed, so the claim is rejected"
                    : "no request was made, so the first allowed remedy is the outcome";
        }
        boolean met = claim.request().metBy().stream().anyMatch(decision.remedies()::contains);
        if (met) return "the request for " + claim.request() + " is met";
        String why = decision.reasons().stream()
                .filter(r -> r.effect() == Effect.EXCLUDE && claim.request().metBy().contains(r.remedy()))
                .map(r -> wording.article(decision, r) + ": " + wording.message(decision, r))
                .distinct()
                .collect(Collectors.joining("; "));
        return "the request for " + claim.request() + " is not met: " + (why.isEmpty() ? "no article grants it" : why)
                + (decision.remedies().isEmpty() ? "" : "; offered instead: " + decision.outcome());
    }

    private static String terms(Map<String, Object> terms) {
        if (terms.isEmpty()) return "";
        return terms.entrySet().stream().map(t -> t.getKey() + "=" + t.getValue())
                .collect(Collectors.joining(", ", "  [terms: ", "]"));
    }

    /** A rule's reasons grouped by effect and sentence: "grants REFUND, EXCHANGE: ..." reads as one line. */
    private static Map<String, List<Reason>> byMessage(List<Reason> reasons, Decision decision, Wording wording) {
        Map<String, List<Reason>> groups = new LinkedHashMap<>();
        for (Reason reason : reasons) {
            groups.computeIfAbsent(reason.effect() + " " + wording.message(decision, reason), k -> new ArrayList<>()).add(reason);
        }
        return groups;
    }
}
