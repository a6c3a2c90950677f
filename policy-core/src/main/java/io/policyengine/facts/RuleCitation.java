package io.policyengine.facts;

import org.kie.api.definition.rule.Rule;

/** The name and {@code @article} of the rule that is firing, read from the rule file itself. */
record RuleCitation(String rule, String article) {

    static RuleCitation of(Rule rule) {
        Object article = rule.getMetaData().get("article");
        return new RuleCitation(rule.getName(), article == null ? "" : article.toString());
    }
}
