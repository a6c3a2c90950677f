package io.policyengine.rules;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts the firings of each rule of one session, and knows which rule is firing now: what names
 * the culprit when a claim's rules fail or keep firing. Used only when one claim is run alone.
 */
final class FiringCounter extends DefaultAgendaEventListener {
    private final Map<String, Integer> counts = new HashMap<>();
    private String firing;
    private String last;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule().getName();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        counts.merge(firing, 1, Integer::sum);
        last = firing;
        firing = null;
    }

    /** The rule whose consequence is running, or null between firings (a condition failed, not a consequence). */
    String firing() {
        return firing;
    }

    /** The rule that fired most often; of equals, the one that fired last. */
    String mostFired() {
        String most = last;
        for (Map.Entry<String, Integer> rule : counts.entrySet()) {
            if (most == null || rule.getValue() > counts.getOrDefault(most, 0)) most = rule.getKey();
        }
        return most;
    }
}
