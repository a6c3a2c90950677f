package io.policyengine.facts;

import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.runtime.rule.RuleContext;

/** The name and {@code @article} of the rule that is firing, read from the rule file itself. */
record RuleCitation(String rule, String article) {

    static RuleCitation of(RuleContext kcontext) {
        Object article = kcontext.getRule().getMetaData().get("article");
        return new RuleCitation(kcontext.getRule().getName(), article == null ? "" : article.toString());
    }

    Reason reason(Effect effect, Remedy remedy, String message) {
        return new Reason(rule, article, effect, remedy, message, Firing.pack());
    }
}
