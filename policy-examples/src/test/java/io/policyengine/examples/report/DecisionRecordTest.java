package io.policyengine.examples.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.RenderedDecision;
import io.policyengine.examples.ChainFolder;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRecordTest {

    @Test
    @DisplayName("a decision log line says what decided as the decision does: the pack, the packs it extends (contract 14.1), its floors")
    void theLoggedPolicyIsTheDecisionsOwn() throws Exception {
        PolicyEngine engine = PolicyEngine.bundled("electronics-plus").withFloor(PolicyEngine.bundled("cn-consumer-law"));
        Claim claim = ClaimJson.parse(ClaimJson.readValue("claim", ChainFolder.day15Refund("C-1", "SH-0012")));
        RenderedDecision rendered = engine.render(claim, Locale.ENGLISH);

        ByteArrayOutputStream line = new ByteArrayOutputStream();
        DecisionRecord.write(line, "d-1", Instant.parse("2026-03-16T10:00:00Z"), claim, "East", rendered.decision(),
                DecisionJson.toJson(rendered));
        JsonNode logged = new ObjectMapper().readTree(line.toByteArray());

        assertThat(logged.get("policy")).isEqualTo(logged.at("/decision/policy"));
        assertThat(logged.at("/policy/name").asText()).isEqualTo("electronics-plus");
        assertThat(logged.at("/policy/parents/0/name").asText()).isEqualTo("store-standard");
        assertThat(logged.at("/policy/floors/0/name").asText()).isEqualTo("cn-consumer-law");
    }
}
