package io.policyengine.examples.serve;

import io.policyengine.Wording;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;

import java.util.Map;

/**
 * The one place where the service turns decisions into JSON text, with the sentences and the summary
 * in the caller's language (contract 8.1): {@code wording} is the engine's words for the language
 * chosen per request ({@link LiveRules#wording}).
 */
final class AnswerJson {

    private AnswerJson() {
    }

    static String decision(Decision decision, Wording wording) {
        return DecisionJson.toJson(decision, wording);
    }

    static String explanation(Explanation explanation, Wording wording) {
        return DecisionJson.explanationJson(explanation, wording);
    }

    /** {@code {"decisionId": ..., "renderings": {"en": ..., "zh-CN": ...}}}; without decisionId when it is null. */
    static String renderings(String decisionId, Map<String, String> byLanguage) {
        StringBuilder json = new StringBuilder(4096).append('{');
        if (decisionId != null) json.append("\"decisionId\":\"").append(decisionId).append("\",");
        json.append("\"renderings\":{");
        String separator = "";
        for (Map.Entry<String, String> rendering : byLanguage.entrySet()) {
            json.append(separator).append('"').append(rendering.getKey()).append("\":").append(rendering.getValue());
            separator = ",";
        }
        return json.append("}}").toString();
    }
}
