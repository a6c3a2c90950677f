package io.policyengine.rules;

import io.policyengine.facts.Commitment;
import io.policyengine.facts.CompensationDue;
import io.policyengine.facts.Duty;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Grant;
import io.policyengine.facts.RefundAmount;
import io.policyengine.facts.RefundDue;
import io.policyengine.facts.ReturnShipping;
import io.policyengine.model.FiredRule;
import io.policyengine.model.Reason;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Records the rules of one session as they fire, with what each inserted. For {@code explain}, not the hot path. */
final class FiringRecorder extends DefaultAgendaEventListener implements Consumer<Object> {
    private final String policy;
    private final RuleIndex index;
    private final Map<String, Object> terms;
    private final List<FiredRule> fired = new ArrayList<>();
    private String rule;
    private List<Reason> reasons;

    FiringRecorder(String policy, RuleIndex index, Map<String, Object> terms) {
        this.policy = policy;
        this.index = index;
        this.terms = terms;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        rule = event.getMatch().getRule().getName();
        reasons = new ArrayList<>();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        RuleIndex.Entry entry = index.entry(rule);
        Map<String, Object> used = new LinkedHashMap<>();
        if (entry != null) {
            for (String term : entry.terms()) used.put(term, terms.get(term));
        }
        Object article = event.getMatch().getRule().getMetaData().get("article");
        fired.add(new FiredRule(rule, article == null ? "" : article.toString(), used, reasons, policy));
        rule = null;
    }

    /** A finding the firing rule made. */
    @Override
    public void accept(Object fact) {
        if (rule == null) return;
        if (fact instanceof Grant g) reasons.add(g.reason());
        else if (fact instanceof Exclusion e) reasons.add(e.reason());
        else if (fact instanceof Commitment c) reasons.add(c.reason());
        else if (fact instanceof CompensationDue d) reasons.add(d.reason());
        else if (fact instanceof RefundDue r) reasons.add(r.reason());
        else if (fact instanceof ReturnShipping r) reasons.add(r.reason());
        else if (fact instanceof RefundAmount r) reasons.add(r.reason());
        else if (fact instanceof Duty d) reasons.add(d.reason());
    }

    List<FiredRule> fired() {
        return fired;
    }
}
