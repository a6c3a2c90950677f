package io.policyengine.examples.serve;

import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;

import java.util.Locale;

/**
 * The one place where the service turns decisions into JSON text, in the caller's language (contract 8.1).
 * Until the engine renders sentences per language, {@code language} does not change the text.
 */
final class AnswerJson {

    private AnswerJson() {
    }

    static String decision(Decision decision, Locale language) {
        return DecisionJson.toJson(decision);
    }

    static String explanation(Explanation explanation, Locale language) {
        return DecisionJson.explanationJson(explanation);
    }
}
