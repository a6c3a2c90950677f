package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleFailureException;
import io.policyengine.RenderedDecision;
import io.policyengine.RenderedExplanation;
import io.policyengine.RuleLoadException;
import io.policyengine.Wording;
import io.policyengine.json.DecisionJson;
import io.policyengine.facts.Duty;
import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Explanation;
import io.policyengine.model.Money;
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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
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
        boolean allGood = ClaimBatches.read(ClaimBatches.Decider.of(engine), List.of(file), stdin, item -> {
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
            if (json) out.println(DecisionJson.explanationJson(wording.render(explanation)));
            else print(out, explanation, wording);
        });
        return allGood && !rulesFailed.get() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** The words of explain's own lines in one language; the decision's words come rendered from the pack. */
    private record Labels(String day, String defect, String noDefect, String nothingAsked, Map<Effect, String> verbs,
                          String terms, String allowed, String nothing, String outcome, String repairDue, String met,
                          String notMet, String noArticle, String offered, String noRequest, String noRequestRejected,
                          String money, String summary, String listSeparator, String step, String colon, String causeSeparator) {
    }

    private static final Labels EN = new Labels("%s: day %d after purchase (%s to %s), %s, asks for %s", "quality defect",
            "no quality defect", "nothing in particular",
            Map.of(Effect.GRANT, "grants", Effect.EXCLUDE, "excludes", Effect.COMMIT, "promises", Effect.COMPENSATE, "owes",
                    Effect.PAY, "settles", Effect.DUTY, "duty"),
            "  [terms: %s]", "  allowed: %s", "nothing", "  outcome: %s", ", repair due %s", "the request for %s is met",
            "the request for %s is not met: %s", "no article grants it", "; offered instead: %s",
            "no request was made, so the first allowed remedy is the outcome", "nothing is allowed, so the claim is rejected",
            "  money: %s", "  summary: %s", ", ", "  %d. %s (%s)%s%n", ": ", "; ");
    private static final Labels ZH = new Labels("%s：购买后第%d天（%s至%s），%s，要求%s", "有质量问题", "无质量问题", "未提具体要求",
            Map.of(Effect.GRANT, "准予", Effect.EXCLUDE, "排除", Effect.COMMIT, "承诺", Effect.COMPENSATE, "赔付", Effect.PAY, "结算", Effect.DUTY, "待办"),
            "  [条款数值：%s]", "  可选处理：%s", "无", "  结果：%s", "，维修期限%s", "顾客要求的%s可以满足",
            "顾客要求的%s不能满足：%s", "没有条款支持", "；改为：%s", "顾客未提具体要求，按第一项可选处理办理", "没有可选处理，不予退换",
            "  退款与运费（money）：%s", "  摘要：%s", "、", "  %d. %s（%s）%s%n", "：", "；");

    private static Labels labels(Wording wording) {
        return wording.languageTag().equals("en") ? EN : ZH;
    }

    static void print(PrintWriter out, Explanation explanation, Wording wording) {
        RenderedExplanation rendered = wording.render(explanation);
        Labels labels = labels(wording);
        boolean english = labels == EN;
        Claim claim = explanation.claim();
        Decision decision = explanation.decision();
        out.println(String.format(labels.day(), Printable.oneLine(claim.id()), decision.daysSincePurchase(),
                wording.date(claim.purchaseDate()), wording.date(claim.claimDate()), claim.qualityDefect() ? labels.defect() : labels.noDefect(),
                claim.request() == null ? labels.nothingAsked() : english ? claim.request().name() : wording.word(decision, claim.request())));
        int step = 0;
        for (RenderedExplanation.Step rule : rendered.steps()) {
            out.printf(labels.step(), ++step, Printable.oneLine(rule.title()), Printable.oneLine(rule.citation()),
                    terms(rule.rule().terms(), labels));
            for (List<Integer> group : byMessage(rule, decision)) {
                Reason first = rule.rule().reasons().get(group.get(0));
                String remedies = group.stream().map(i -> rule.rule().reasons().get(i).remedy()).filter(r -> r != null)
                        .map(r -> english ? r.name() : wording.word(decision, r)).collect(Collectors.joining(labels.listSeparator()));
                if (first.effect() == Effect.DUTY) {
                    out.printf("       %s%n", duty(decision, first, rule.reasons().get(group.get(0)).message(), english));
                    continue;
                }
                out.printf("       %s%s%s%s%s%n", labels.verbs().get(first.effect()), remedies.isEmpty() || !english ? "" : " ", remedies,
                        labels.colon(), Printable.oneLine(rule.reasons().get(group.get(0)).message()));
            }
        }
        List<String> allowed = english ? decision.remedies().stream().map(Remedy::name).toList() : rendered.decision().remedies();
        out.println(String.format(labels.allowed(), allowed.isEmpty() ? labels.nothing() : String.join(labels.listSeparator(), allowed)));
        out.println(String.format(labels.outcome(), english ? decision.outcome().name() : rendered.decision().outcome())
                + (decision.repairDueDate() == null ? "" : String.format(labels.repairDue(),
                english ? decision.repairDueDate().toString() : wording.date(decision.repairDueDate()))));
        String money = money(decision);
        if (money != null) out.println(String.format(labels.money(), money));
        out.printf("  %s%n", requestVerdict(claim, rendered.decision(), wording, labels));
        out.println(String.format(labels.summary(), Printable.oneLine(rendered.decision().summary())));
        out.println();
    }

    /**
     * The money block (contract 11.2), with the depreciation's arithmetic when a fee is kept back:
     * price × rate × (days used − days in repair). Null when no money moves and no postage is owed.
     */
    static String money(Decision decision) {
        Money money = decision.money();
        if (money.refundDueDate() == null && money.returnShipping() == null) return null;
        String currency = money.currency() == null ? "" : " " + money.currency();
        StringBuilder line = new StringBuilder();
        if (money.refundDueDate() != null) {
            line.append("refund ").append(money.refund() == null ? "cannot be priced" : money.refund().toPlainString() + currency);
            if (money.depreciation() != null && money.depreciation().signum() > 0) {
                decision.reasons().stream().filter(r -> r.effect() == Effect.PAY && r.params().containsKey("depreciation")).findFirst()
                        .ifPresent(r -> line.append(" = price ").append(r.params().get("price")).append(" - depreciation ")
                                .append(money.depreciation().toPlainString()).append(" (").append(r.params().get("price")).append(" x ")
                                .append(r.params().get("percentPerDay")).append("% a day x (").append(r.params().get("daysUsed"))
                                .append(" days used - ").append(r.params().get("daysInRepair")).append(" days in repair))"));
            } else if (money.refund() != null) {
                line.append(" (the full price").append(money.depreciation() == null ? ")" : ", no depreciation)");
            }
            line.append(", by ").append(money.refundDueDate());
        }
        if (money.returnShipping() != null) {
            if (line.length() > 0) line.append("; ");
            line.append("postage paid by ").append(money.returnShipping());
        }
        return line.toString();
    }

    /**
     * A follow-up duty (contract 12.2): its state (open with its due date, closed, or not held because the outcome is not
     * a repair), its sentence, and the events that opened and closed it.
     */
    static String duty(Decision decision, Reason reason, String message, boolean english) {
        Action open = decision.actions().stream().filter(a -> a.reason() == reason).findFirst().orElse(null);
        Map<String, Object> params = reason.params();
        String state;
        if (open != null) {
            state = english ? open.action() + " open, due " + open.due() + (open.overdue() ? ", overdue" : "")
                    : open.action() + "，期限" + open.due() + (open.overdue() ? "，已逾期" : "");
        } else if (params.get(Duty.CLOSED_BY) != null) {
            state = english ? "closed" : "已完成";
        } else {
            state = english ? "not held: the outcome is not a repair" : "不适用：处理结果不是维修";
        }
        Object openedBy = params.get(Duty.OPENED_BY);
        Object closedBy = params.get(Duty.CLOSED_BY);
        String opened = openedBy == null ? (english ? "opened by the decision" : "由判定开启")
                : english ? "opened by " + openedBy + " on " + params.get(Duty.OPENED_ON) : "由" + openedBy + "（" + params.get(Duty.OPENED_ON) + "）开启";
        String closed = closedBy == null ? ""
                : english ? ", closed by " + closedBy + " on " + params.get(Duty.CLOSED_ON) : "，由" + closedBy + "（" + params.get(Duty.CLOSED_ON) + "）关闭";
        return (english ? "duty (" + state + "): " : "待办（" + state + "）：") + Printable.oneLine(message)
                + (english ? " [" : " ［") + opened + closed + (english ? "]" : "］");
    }

    /** Why the customer's request was or was not met. */
    private static String requestVerdict(Claim claim, RenderedDecision rendered, Wording wording, Labels labels) {
        Decision decision = rendered.decision();
        if (claim.request() == null) return decision.remedies().isEmpty() ? labels.noRequestRejected() : labels.noRequest();
        String request = labels == EN ? claim.request().name() : wording.word(decision, claim.request());
        boolean met = claim.request().metBy().stream().anyMatch(decision.remedies()::contains);
        if (met) return String.format(labels.met(), request);
        Set<String> why = new LinkedHashSet<>();
        for (int i = 0; i < decision.reasons().size(); i++) {
            Reason reason = decision.reasons().get(i);
            if (reason.effect() == Effect.EXCLUDE && claim.request().metBy().contains(reason.remedy())) {
                why.add(rendered.reasons().get(i).citation() + labels.colon() + rendered.reasons().get(i).message());
            }
        }
        return String.format(labels.notMet(), request, why.isEmpty() ? labels.noArticle() : String.join(labels.causeSeparator(), why))
                + (decision.remedies().isEmpty() ? "" : String.format(labels.offered(),
                labels == EN ? decision.outcome().name() : rendered.outcome()));
    }

    private static String terms(Map<String, Object> terms, Labels labels) {
        if (terms.isEmpty()) return "";
        return String.format(labels.terms(), terms.entrySet().stream().map(t -> t.getKey() + "=" + t.getValue())
                .collect(Collectors.joining(", ")));
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
}
