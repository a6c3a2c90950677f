package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.PolicyEngine;
import io.policyengine.StoreEngine;
import io.policyengine.examples.ChainFolder;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static io.policyengine.examples.ChainFolder.day15Refund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve --stores FILE} (contract 14.2): each claim answered by its store's stack and in its store's language;
 * {@code /v1/policy} lists every stack; a changed stores file goes live within seconds, a broken one never.
 */
class ChainServiceTest {
    @TempDir
    Path temp;
    private Path stores;

    @BeforeEach
    void aChainOfAShanghaiStoreAnOutletAndEveryOtherStore() {
        stores = ChainFolder.in(temp.resolve("chain"));
    }

    /** A claim of each store, of a store without a row, and of none. */
    private static final List<String> CLAIMS = List.of(day15Refund("SH", "SH-0012"), day15Refund("OUT", "SH-OUT-1"),
            day15Refund("UNLISTED", "XX-9"), day15Refund("NONE", null));

    @Test
    @DisplayName("a batch of several stores: each claim by its store's stack and in its store's language, as the Java API decides it")
    void eachClaimByItsStoresStack() throws Exception {
        StoreEngine chain = PolicyEngine.forStores(stores);
        try (LiveService live = LiveService.start(chain, false)) {
            HttpResponse<String> batch = live.post("/v1/decisions", "application/x-ndjson", String.join("\n", CLAIMS) + "\n");

            assertThat(batch.statusCode()).isEqualTo(200);
            List<JsonNode> answers = lines(batch.body());
            assertThat(answers).extracting(a -> a.get("claimId").asText() + " " + a.get("policy").get("name").asText() + " "
                    + a.get("outcome").asText() + " " + a.get("policy").get("floors").size()).containsExactly(
                    "SH store-standard REFUND 1", "OUT outlet EXCHANGE 0", "UNLISTED store-standard REFUND 0", "NONE store-standard REFUND 0");
            assertThat(answers.get(0).get("summary").asText()).contains("退款");
            assertThat(answers.get(2).get("summary").asText()).contains("refund");
            for (int i = 0; i < CLAIMS.size(); i++) {
                // the Java API's decision, worded in the store's language, is the service's answer
                var claim = ClaimJson.parse(LiveService.parse(CLAIMS.get(i)));
                Decision decided = chain.decide(claim);
                JsonNode expected = LiveService.parse(DecisionJson.toJson(decided, chain.wording(chain.languageOf(claim))));
                assertThat(answers.get(i)).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("the decision log names each claim's store and its region from the stores file (contract 14.3), so the report groups by region")
    void logLinesCarryStoreAndRegion() throws Exception {
        Path log = temp.resolve("decisions.jsonl");
        try (LiveService live = LiveService.start(PolicyEngine.forStores(stores), false, log)) {
            live.post("/v1/decisions", "application/x-ndjson", String.join("\n", CLAIMS.subList(0, 3)) + "\n");
            live.post("/v1/decisions/renderings", "application/json", CLAIMS.get(3));
            live.post("/v1/decisions?dryRun=true", "application/json", CLAIMS.get(0).replace("\"SH\"", "\"TRIED\""));

            List<JsonNode> lines = live.logLines().stream().map(LiveService::parse).toList();
            assertThat(lines).extracting(l -> l.get("claim").get("id").asText() + " " + l.path("claim").path("store").asText("-")
                    + " " + l.path("region").asText("-")).containsExactly("SH SH-0012 East", "OUT SH-OUT-1 East", "UNLISTED XX-9 -", "NONE - -");
        }
        io.policyengine.examples.report.DecisionLogs.Run report = io.policyengine.examples.report.DecisionLogs.policy(
                "report", "--json", "--per", "region", log.toString());
        assertThat(report.json().get("per")).extracting(g -> g.get("region").asText("(none)") + " " + g.get("claims").asInt())
                .containsExactlyInAnyOrder("East 2", "(none) 2");
    }

    @Test
    @DisplayName("one claim: its store's stack and language; a language the request names wins over the store's")
    void oneClaimAndTheRequestsLanguage() throws Exception {
        try (LiveService live = LiveService.start(PolicyEngine.forStores(stores), false)) {
            JsonNode chinese = LiveService.parse(live.post("/v1/decisions", "application/json", CLAIMS.get(0)).body());
            JsonNode english = LiveService.parse(live.post("/v1/decisions?lang=en", "application/json", CLAIMS.get(0)).body());
            JsonNode outlet = LiveService.parse(live.post("/v1/explanations", "application/json", CLAIMS.get(1)).body());

            assertThat(chinese.get("summary").asText()).contains("退款");
            assertThat(english.get("summary").asText()).contains("refund");
            assertThat(english.get("policy").get("hash")).isEqualTo(chinese.get("policy").get("hash"));
            assertThat(outlet.toString()).contains("\"defectRefundDays\":14");
        }
    }

    @Test
    @DisplayName("GET /v1/policy lists every stack: its stores, pack, version, hash, floors, loadedAt and lastReloadError")
    void policyListsEveryStack() throws Exception {
        try (LiveService live = LiveService.start(PolicyEngine.forStores(stores), false)) {
            JsonNode policy = RulesFolder.policy(live);

            assertThat(policy.get("lastReloadError").isNull()).isTrue();
            assertThat(policy.get("stacks")).extracting(s -> s.get("stores").toString() + " " + s.get("pack").asText() + " "
                    + s.get("name").asText() + " " + s.get("version").asText() + " " + s.get("floors").size()).containsExactly(
                    "[\"SH-0012\"] store-standard store-standard 1 1", "[\"SH-OUT-1\"] packs/outlet outlet 1 0",
                    "[\"*\"] store-standard store-standard 1 0");
            for (JsonNode stack : policy.get("stacks")) {
                assertThat(stack.get("hash").asText()).hasSize(12);
                assertThat(stack.get("loadedAt").asText()).isNotBlank();
                assertThat(stack.get("lastReloadError").isNull()).isTrue();
            }
            assertThat(policy.get("stacks").get(0).get("floors").get(0).get("name").asText()).isEqualTo("cn-consumer-law");
        }
    }

    @Test
    @DisplayName("a changed stores file is live within seconds; a broken file or pack never: the old stacks keep answering")
    void aChangedStoresFileGoesLiveABrokenOneNever() throws Exception {
        try (LiveService live = LiveService.start(PolicyEngine.forStores(stores), true)) {
            assertThat(policyOf(live, CLAIMS.get(0))).isEqualTo("store-standard");

            // Shanghai moves to the outlet's pack
            long saved = System.nanoTime();
            ChainFolder.save(stores, ChainFolder.STORES.replace("SH-0012,East,store-standard,", "SH-0012,East,packs/outlet,"));
            awaitAnswer(live, CLAIMS.get(0), "outlet");
            assertThat((System.nanoTime() - saved) / 1_000_000_000.0).as("seconds until the change was live").isLessThan(30);

            // a pack that does not exist: the file never goes live
            ChainFolder.save(stores, ChainFolder.STORES.replace("SH-OUT-1,East,packs/outlet,", "SH-OUT-1,East,packs/outlett,"));
            JsonNode broken = RulesFolder.waitFor(live, p -> !p.get("lastReloadError").isNull());
            assertThat(broken.get("lastReloadError").asText()).contains("stores.csv:3: pack: unknown pack \"packs/outlett\"");
            assertThat(policyOf(live, CLAIMS.get(0))).isEqualTo("outlet");
            assertThat(policyOf(live, CLAIMS.get(1))).isEqualTo("outlet");

            // a good file again, then a broken rule in the outlet's pack: the pack's problem is its stack's too
            ChainFolder.save(stores, ChainFolder.STORES);
            RulesFolder.waitFor(live, p -> p.get("lastReloadError").isNull());
            assertThat(policyOf(live, CLAIMS.get(0))).isEqualTo("store-standard");
            String outletHash = RulesFolder.policy(live).get("stacks").get(1).get("hash").asText();
            ChainFolder.edit(temp.resolve("chain/packs/outlet/exclusions.drl"), "\nrule \"", "\nrule broken ( \"");
            JsonNode brokenPack = RulesFolder.waitFor(live, p -> !p.get("lastReloadError").isNull());
            JsonNode outletStack = brokenPack.get("stacks").get(1);
            assertThat(outletStack.get("lastReloadError").asText()).contains("exclusions.drl:");
            assertThat(brokenPack.get("stacks").get(0).get("lastReloadError").isNull()).isTrue();
            assertThat(outletStack.get("hash").asText()).isEqualTo(outletHash);
            HttpResponse<String> stillOld = live.post("/v1/decisions", "application/json", CLAIMS.get(1));
            assertThat(LiveService.parse(stillOld.body()).get("policy").get("hash").asText()).isEqualTo(outletHash);
            assertThat(live.get("/metrics").body()).containsPattern("policy_reloads_total\\{result=\"failed\"\\} [1-9]");
        }
    }

    private static String policyOf(LiveService live, String claim) {
        HttpResponse<String> answer = live.post("/v1/decisions", "application/json", claim);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return LiveService.parse(answer.body()).get("policy").get("name").asText();
    }

    /** Asks again until the claim is decided by {@code pack}: reloading compiles the chain, seconds on a busy machine. */
    private static void awaitAnswer(LiveService live, String claim, String pack) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Predicate<String> decidedBy = pack::equals;
        String name = policyOf(live, claim);
        while (!decidedBy.test(name) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            name = policyOf(live, claim);
        }
        assertThat(name).isEqualTo(pack);
    }

    private static List<JsonNode> lines(String body) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) lines.add(LiveService.parse(line));
        }
        return lines;
    }
}
