package io.policyengine.rules;

import io.policyengine.facts.Commitment;
import io.policyengine.facts.CompensationDue;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Grant;
import io.policyengine.model.FiredRule;
import io.policyengine.model.Reason;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records the rules of one session as they fire, with what each inserted. For {@code explain}, not the hot path. */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final RuleIndex index;
    private final Map<String, Object> terms;
    private final List<FiredRule> fired = new ArrayList<>();
    private String rule;
    private List<Reason> reasons;

    FiringRecorder(RuleIndex index, Map<String, Object> terms) {
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
        fired.add(new FiredRule(rule, article == null ? "" : article.toString(), used, reasons));
        rule = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (rule == null) return;
        Object fact = event.getObject();
        if (fact instanceof Grant g) reasons.add(g.reason());
        else if (fact instanceof Exclusion e) reasons.add(e.reason());
        else if (fact instanceof Commitment c) reasons.add(c.reason());
        else if (fact instanceof CompensationDue d) reasons.add(d.reason());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    List<FiredRule> fired() {
        return fired;
    }
}
