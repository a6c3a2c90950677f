package io.policyengine.facts;

import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Map;

/** The name and {@code @article} of the rule that is firing, read from the rule file itself. */
record RuleCitation(String rule, String article) {

    static RuleCitation of(RuleContext kcontext) {
        Object article = kcontext.getRule().getMetaData().get("article");
        return new RuleCitation(kcontext.getRule().getName(), article == null ? "" : article.toString());
    }

    Reason reason(Effect effect, Remedy remedy, Map<String, Object> params) {
        return new Reason(rule, article, effect, remedy, Firing.pack(), params);
    }
}
