package io.policyengine.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.PolicyEngine;
import io.policyengine.Wording;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Decision;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static io.policyengine.json.ClaimJsonTest.json;
import static org.assertj.core.api.Assertions.assertThat;

class DecisionJsonTest {
    static PolicyEngine mini;
    static Wording english;

    @BeforeAll
    static void loadTheMiniPack() throws Exception {
        mini = PolicyEngine.load(Path.of("src/test/resources/packs/mini"));
        english = mini.wording(Locale.ENGLISH);
    }

    static Claim claim(String id, boolean defect, int day, Request request) {
        LocalDate bought = LocalDate.of(2026, 3, 1);
        return new Claim(id, Product.of("SKU-1"), bought, bought.plusDays(day), defect, request, Condition.AS_SOLD);
    }

    @Test
    void writesTheContractDecisionOnOneLineWithSummaryAndParams() {
        Decision decision = mini.decide(claim("C-1001", true, 8, Request.REFUND));

        String hash = mini.policy().hash();
        assertThat(DecisionJson.toJson(decision, english)).isEqualTo("{\"claimId\":\"C-1001\",\"outcome\":\"REFUND\","
                + "\"remedies\":[\"REFUND\",\"FREE_REPAIR\"],\"daysSincePurchase\":8,\"repairDueDate\":null,"
                + "\"summary\":\"We will give you a refund.\","
                + "\"reasons\":[{\"rule\":\"defect refund window\",\"article\":\"7\",\"citation\":\"art. 7\",\"effect\":\"GRANT\",\"remedy\":\"REFUND\","
                + "\"message\":\"quality defect reported 8 days after purchase, within the 15-day refund window\","
                + "\"policy\":\"mini\",\"params\":{\"days\":8,\"refundDays\":15}},"
                + "{\"rule\":\"defect refund window\",\"article\":\"7\",\"citation\":\"art. 7\",\"effect\":\"GRANT\",\"remedy\":\"FREE_REPAIR\","
                + "\"message\":\"quality defect reported 8 days after purchase, within the 15-day refund window\","
                + "\"policy\":\"mini\",\"params\":{\"days\":8,\"refundDays\":15}}],"
                + "\"policy\":{\"name\":\"mini\",\"version\":\"1\",\"hash\":\"" + hash + "\",\"parents\":[],\"floors\":[]},"
                + "\"commitments\":null,\"compensation\":[],"
                + "\"money\":{\"currency\":null,\"refund\":null,\"depreciation\":0.00,\"refundDueDate\":null,\"returnShipping\":null},"
                + "\"actions\":[]}");
    }

    @Test
    void keepsTheContractFieldOrderInEveryLanguage() {
        Decision decision = mini.decide(claim("C-2", true, 8, Request.REPAIR));

        for (Locale language : new Locale[]{Locale.ENGLISH, Locale.forLanguageTag("zh-CN")}) {
            JsonNode node = json(DecisionJson.toJson(decision, mini.wording(language)));
            assertThat(node.fieldNames()).toIterable().containsExactly(
                    "claimId", "outcome", "remedies", "daysSincePurchase", "repairDueDate", "summary", "reasons", "policy",
                    "commitments", "compensation", "money", "actions");
            assertThat(node.get("reasons").get(0).fieldNames()).toIterable()
                    .containsExactly("rule", "article", "citation", "effect", "remedy", "message", "policy", "params");
            assertThat(node.get("repairDueDate").textValue()).isEqualTo("2026-03-16");
        }
        JsonNode chinese = json(DecisionJson.toJson(decision, mini.wording(Locale.forLanguageTag("zh-CN"))));
        assertThat(chinese.get("summary").textValue()).isEqualTo("为您免费维修，2026年3月16日前修好。");
        assertThat(chinese.get("reasons").get(0).get("message").textValue()).isEqualTo("购买后第8天报告质量问题，在15天退货期限内");
        assertThat(chinese.get("reasons").get(0).get("rule").textValue()).isEqualTo("defect refund window");
        assertThat(chinese.get("reasons").get(0).get("article").textValue()).isEqualTo("7");
        assertThat(chinese.get("reasons").get(0).get("citation").textValue()).isEqualTo("第七条");
    }

    @Test
    void escapesQuotesInSentencesAndWritesARejection() {
        Decision decision = mini.decide(claim("C-3", false, 9, Request.REFUND));

        String line = DecisionJson.toJson(decision, english);
        JsonNode node = json(line);

        assertThat(line).doesNotContain("\n");
        assertThat(node.get("remedies")).isEmpty();
        assertThat(node.get("repairDueDate").isNull()).isTrue();
        assertThat(node.get("reasons").get(0).get("message").textValue()).isEqualTo("too late \"sorry\" on day 9");
        assertThat(node.get("summary").textValue()).isEqualTo("No refund: it is day 9 (art. 6). The claim is declined.");
    }

    @Test
    void writesErrorLinesWithTheClaimIdWhenKnown() {
        assertThat(DecisionJson.errorLine(3, "C-9", "qualityDefect: expected true or false, got \"yes\""))
                .isEqualTo("{\"line\":3,\"claimId\":\"C-9\",\"error\":\"qualityDefect: expected true or false, "
                        + "got \\\"yes\\\"\"}");
        assertThat(DecisionJson.errorLine(0, null, "no such file"))
                .isEqualTo("{\"line\":0,\"error\":\"no such file\"}");
    }
}
