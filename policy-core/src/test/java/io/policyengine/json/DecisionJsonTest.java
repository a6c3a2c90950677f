package io.policyengine.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.policyengine.json.ClaimJsonTest.json;
import static org.assertj.core.api.Assertions.assertThat;

class DecisionJsonTest {

    private static final PolicyId POLICY = new PolicyId("store-standard", "1", "3f2a9c");
    private static final Reason ART_7 = new Reason("defect refund window", "7", Effect.GRANT, Remedy.REFUND,
            "quality defect reported 8 days after purchase, within the 15-day refund window");

    @Test
    void writesTheContractDecisionOnOneLine() {
        Decision decision = new Decision("C-1001", Outcome.REFUND,
                List.of(Remedy.REFUND, Remedy.EXCHANGE, Remedy.FREE_REPAIR), 8, null, List.of(ART_7), POLICY);

        assertThat(DecisionJson.toJson(decision)).isEqualTo("{\"claimId\":\"C-1001\",\"outcome\":\"REFUND\","
                + "\"remedies\":[\"REFUND\",\"EXCHANGE\",\"FREE_REPAIR\"],\"daysSincePurchase\":8,"
                + "\"repairDueDate\":null,\"reasons\":[{\"rule\":\"defect refund window\",\"article\":\"7\","
                + "\"effect\":\"GRANT\",\"remedy\":\"REFUND\",\"message\":\"quality defect reported 8 days after "
                + "purchase, within the 15-day refund window\"}],"
                + "\"policy\":{\"name\":\"store-standard\",\"version\":\"1\",\"hash\":\"3f2a9c\",\"floors\":[]},"
                + "\"commitments\":null,\"compensation\":[]}");
    }

    @Test
    void roundTripsWithTheContractFieldOrder() {
        Decision decision = new Decision("C-2", Outcome.FREE_REPAIR, List.of(Remedy.FREE_REPAIR), 40,
                LocalDate.of(2026, 4, 17), List.of(ART_7, ART_7), POLICY);

        JsonNode node = json(DecisionJson.toJson(decision));

        assertThat(node.fieldNames()).toIterable().containsExactly(
                "claimId", "outcome", "remedies", "daysSincePurchase", "repairDueDate", "reasons", "policy",
                "commitments", "compensation");
        assertThat(node.get("reasons").get(1).fieldNames()).toIterable()
                .containsExactly("rule", "article", "effect", "remedy", "message");
        assertThat(node.get("policy").fieldNames()).toIterable().containsExactly("name", "version", "hash", "floors");
        assertThat(node.get("repairDueDate").textValue()).isEqualTo("2026-04-17");
        assertThat(node.get("daysSincePurchase").intValue()).isEqualTo(40);
        assertThat(node.get("reasons")).hasSize(2);
    }

    @Test
    void writesARejectionWithNoRemediesAndANullRepairDate() {
        Reason rejected = new Reason("no defect after 7 days", "6", Effect.EXCLUDE, null, "too late \"sorry\"\n");
        Decision decision = new Decision("C-3", Outcome.REJECTED, List.of(), 9, null, List.of(rejected), POLICY);

        String line = DecisionJson.toJson(decision);
        JsonNode node = json(line);

        assertThat(line).doesNotContain("\n");
        assertThat(node.get("remedies")).isEmpty();
        assertThat(node.get("repairDueDate").isNull()).isTrue();
        assertThat(node.get("reasons").get(0).get("remedy").isNull()).isTrue();
        assertThat(node.get("reasons").get(0).get("message").textValue()).isEqualTo("too late \"sorry\"\n");
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
