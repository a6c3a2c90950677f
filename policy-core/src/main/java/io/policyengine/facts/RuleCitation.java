package io.policyengine.facts;

import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Map;

/** The name and {@code @article} of the rule that is firing, read from the rule file itself, and the pack it belongs to. */
record RuleCitation(String rule, String article, String pack) {

    /** The firing rule's citation ({@link Firing#citation}). */
    static RuleCitation of(RuleContext kcontext) {
        return Firing.citation(kcontext);
    }

    static RuleCitation of(Rule rule, String pack) {
        Object article = rule.getMetaData().get("article");
        return new RuleCitation(rule.getName(), article == null ? "" : article.toString(), pack);
    }

    Reason reason(Effect effect, Remedy remedy, Map<String, Object> params) {
        return new Reason(rule, article, effect, remedy, pack, params);
    }
}
