package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.policyengine.examples.serve.RulesFolder.copyOfStoreStandard;
import static io.policyengine.examples.serve.RulesFolder.edit;
import static io.policyengine.examples.serve.RulesFolder.policy;
import static io.policyengine.examples.serve.RulesFolder.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --rules DIR} is watched: a broken save keeps the old rules serving and says so; a good one goes live. */
class HotReloadTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("a broken edit shows in lastReloadError and the metrics while the old rules answer; a fixed one goes live")
    void brokenThenFixed() throws IOException, RuleLoadException, InterruptedException {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        try (LiveService live = LiveService.start(PolicyEngine.load(pack), true, null)) {
            String oldHash = policy(live).get("hash").asText();

            edit(pack, "exclusions.drl", "\nrule \"", "\nrule broken ( \"");
            JsonNode broken = waitFor(live, p -> !p.get("lastReloadError").isNull());

            assertThat(broken.get("lastReloadError").asText()).contains("exclusions.drl:");
            assertThat(broken.get("hash").asText()).isEqualTo(oldHash);
            HttpResponse<String> decided = live.post("/v1/decisions", "application/json", LiveService.EXAMPLE_CLAIM);
            assertThat(decided.statusCode()).isEqualTo(200);
            assertThat(LiveService.parse(decided.body()).get("policy").get("hash").asText()).isEqualTo(oldHash);
            assertThat(live.get("/metrics").body()).containsPattern("policy_reloads_total\\{result=\"failed\"\\} [1-9]");

            edit(pack, "exclusions.drl", "\nrule broken ( \"", "\nrule \"");
            edit(pack, "pack.drl", "defectRefundDays   : int = 15", "defectRefundDays   : int = 16");
            JsonNode fixed = waitFor(live, p -> p.get("lastReloadError").isNull() && !p.get("hash").asText().equals(oldHash));

            assertThat(fixed.get("terms").get("defectRefundDays").asInt()).isEqualTo(16);
            String newHash = LiveService.parse(live.post("/v1/decisions", "application/json", LiveService.EXAMPLE_CLAIM).body())
                    .get("policy").get("hash").asText();
            assertThat(newHash).isEqualTo(fixed.get("hash").asText());
            assertThat(live.get("/metrics").body()).containsPattern("policy_reloads_total\\{result=\"succeeded\"\\} [1-9]")
                    .contains("policy_live{hash=\"" + newHash + "\"");
        }
    }
}
