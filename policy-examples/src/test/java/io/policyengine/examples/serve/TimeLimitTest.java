package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.policyengine.examples.serve.RulesFolder.copyOfStoreStandard;
import static io.policyengine.examples.serve.RulesFolder.policy;
import static io.policyengine.examples.serve.RulesFolder.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #23, finding 5: a rule that never returns is stopped, named as FILE:LINE, and never goes live on reload. */
class TimeLimitTest {
    /** A consequence that never returns, for claims of the category HANG: what stalled a worker for good. */
    static final String HANGING_RULE = """
            package packs.storestandard;

            import io.policyengine.model.*;

            rule "a HANG claim waits for ever"
                @article("6")
            when
                Claim( product.category == "HANG" )
            then
                while (true) { Thread.sleep(1000); }
            end
            """;
    /** Rules that keep matching each other for claims of the category LOOP: past the firing limit. */
    static final String LOOPING_RULES = """
            package packs.storestandard;

            import io.policyengine.model.*;

            declare Tick end

            rule "a LOOP claim starts ticking"
                @article("6")
            when
                Claim( product.category == "LOOP" )
            then
                insert( new Tick() );
            end

            rule "every tick makes another"
                @article("6")
            when
                Tick()
            then
                insert( new Tick() );
            end
            """;

    @TempDir
    Path temp;

    static String claim(String id, String category) {
        ObjectNode claim = (ObjectNode) LiveService.parse(LiveService.EXAMPLE_CLAIM);
        claim.put("id", id);
        ((ObjectNode) claim.get("product")).put("category", category);
        return claim.toString();
    }

    @Test
    @DisplayName("a claim whose rule never returns is answered after the time limit with FILE:LINE, the same one-claim and in a batch, and frees its worker")
    void hangingRuleStopped() throws Exception {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        Files.writeString(pack.resolve("hang.drl"), HANGING_RULE);
        PolicyEngine engine = PolicyEngine.load(pack).withTimeLimit(Duration.ofMillis(1000));
        try (LiveService live = LiveService.start(engine, false, null)) {
            HttpResponse<String> one = live.post("/v1/decisions", "application/json", claim("H-1", "HANG"));
            HttpResponse<String> batch = live.post("/v1/decisions", "application/x-ndjson",
                    claim("H-1", "HANG") + "\n" + claim("OK-1", "ELECTRONICS") + "\n");

            assertThat(one.statusCode()).isEqualTo(500);
            String error = LiveService.parse(one.body()).get("error").asText();
            assertThat(error).matches(".*hang\\.drl:5: rule \"a HANG claim waits for ever\" ran too long for claim H-1: "
                    + "stopped after 1000 ms \\(the time limit, pack term maxMillisPerClaim\\).*");
            List<String> lines = batch.body().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(LiveService.parse(lines.get(0)).get("error").asText()).isEqualTo(error);
            assertThat(LiveService.parse(lines.get(1)).get("outcome").asText()).isEqualTo("REFUND");
            assertThat(live.get("/metrics").body()).containsPattern("policy_rule_failures_total(\\{[^}]*\\})? 2\\.0");
        }
    }

    @Test
    @DisplayName("validate finds a rule that never returns, as an error at its FILE:LINE, within the pack's time limit")
    void validateFindsHangingRule() throws Exception {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        Files.writeString(pack.resolve("hang.drl"), HANGING_RULE);
        String terms = Files.readString(pack.resolve("pack.drl"));
        Files.writeString(pack.resolve("pack.drl"), terms.replace("declare Terms\n",
                "declare Terms\n    maxMillisPerClaim  : int = 1000  // a claim's rules are stopped after N ms\n"));

        List<RuleProblem> problems = PolicyEngine.validate(pack).stream().filter(p -> !p.warning()).toList();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString()).matches(".*hang\\.drl:5: rule \"a HANG claim waits for ever\" ran too long "
                + "for a generated claim: stopped after 1000 ms.*");
    }

    @Test
    @DisplayName("a reload that validate would reject never goes live: a rule that hangs, rules that keep firing")
    void reloadRejectsWhatValidateRejects() throws Exception {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        try (LiveService live = LiveService.start(PolicyEngine.load(pack), true, null)) {
            String oldHash = policy(live).get("hash").asText();

            Files.writeString(pack.resolve("loop.drl"), LOOPING_RULES);
            JsonNode looping = waitFor(live, p -> !p.get("lastReloadError").isNull());
            assertThat(looping.get("lastReloadError").asText()).contains("loop.drl:").contains("kept firing");
            assertThat(looping.get("hash").asText()).isEqualTo(oldHash);

            Files.delete(pack.resolve("loop.drl"));
            waitFor(live, p -> p.get("lastReloadError").isNull());
            Files.writeString(pack.resolve("hang.drl"), HANGING_RULE);
            JsonNode hanging = waitFor(live, p -> !p.get("lastReloadError").isNull());
            assertThat(hanging.get("lastReloadError").asText()).contains("hang.drl:5: rule \"a HANG claim waits for ever\" ran too long");
            assertThat(hanging.get("hash").asText()).isEqualTo(oldHash);
            HttpResponse<String> decided = live.post("/v1/decisions", "application/json", claim("H-2", "HANG"));
            assertThat(decided.statusCode()).isEqualTo(200);
        }
    }
}
