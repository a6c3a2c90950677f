package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.StoreEngine;
import io.policyengine.examples.ChainFolder;
import io.policyengine.json.ClaimJson;
import io.policyengine.model.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.policyengine.examples.ChainFolder.day15Refund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --stores FILE} on explain, due, diff and generate-log (contract 14.2): each claim decided by its store's
 * stack, as the Java API decides it, and worded in its store's language unless {@code --lang} says.
 */
class StoresCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path stores;
    private Path claims;

    @BeforeEach
    void aChainAndAClaimOfEachStore() {
        stores = ChainFolder.in(temp.resolve("chain"));
        claims = Cli.write(temp.resolve("claims.jsonl"), String.join("\n", day15Refund("SH", "SH-0012"),
                day15Refund("OUT", "SH-OUT-1"), day15Refund("NONE", null)) + "\n");
    }

    @Test
    @DisplayName("decide --stores: each claim by its store's stack, as PolicyEngine.forStores decides it")
    void decideAsTheJavaApi() throws Exception {
        Cli.Run run = Cli.run("decide", "--json", "--stores", stores.toString(), claims.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        StoreEngine chain = PolicyEngine.forStores(stores);
        List<String> lines = java.nio.file.Files.readAllLines(claims);
        for (int i = 0; i < lines.size(); i++) {
            Decision decision = chain.decide(ClaimJson.parse(JSON.readTree(lines.get(i))));
            JsonNode printed = JSON.readTree(run.outLines().get(i));
            assertThat(printed.get("outcome").asText()).isEqualTo(decision.outcome().name());
            assertThat(printed.get("policy").get("hash").asText()).isEqualTo(decision.policy().hash());
        }
        assertThat(run.outLines()).extracting(l -> JSON.readTree(l).get("policy").get("name").asText())
                .containsExactly("store-standard", "outlet", "store-standard");
    }

    @Test
    @DisplayName("explain --stores: the outlet's 14-day window is the rule that fired for its claim; Shanghai's is in Chinese")
    void explainByStore() {
        Cli.Run run = Cli.run("explain", "--stores", stores.toString(), claims.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        String[] claimsExplained = run.out().split("\n\n");
        assertThat(claimsExplained[0]).startsWith("SH：").contains("defectRefundDays=15").contains("结果：退货");
        assertThat(claimsExplained[1]).startsWith("OUT:").contains("defectRefundDays=14").contains("outcome: EXCHANGE");
        assertThat(claimsExplained[2]).startsWith("NONE:").contains("outcome: REFUND");

        Cli.Run english = Cli.run("explain", "--lang", "en", "--json", "--stores", stores.toString(), claims.toString());
        assertThat(english.outLines()).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("退款"));
    }

    @Test
    @DisplayName("due --stores: each claim's open duties, their sentences in its store's language")
    void dueByStore() throws Exception {
        Path repairs = Cli.write(temp.resolve("repairs.jsonl"), String.join("\n",
                repair("SH-R", "SH-0012"), repair("OUT-R", "SH-OUT-1"), repair("NONE-R", null)) + "\n");

        Cli.Run run = Cli.run("due", "--json", "--as-of", "2026-05-08", "--stores", stores.toString(), repairs.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        Map<String, String> messages = new HashMap<>();
        for (String line : run.outLines()) {
            JsonNode duty = JSON.readTree(line);
            if (duty.get("action").asText().equals("REPAIR")) messages.put(duty.get("claimId").asText(), duty.get("message").asText());
        }
        assertThat(messages).containsOnlyKeys("SH-R", "OUT-R", "NONE-R");
        assertThat(messages.get("SH-R")).containsPattern("\\p{IsHan}");
        assertThat(messages.get("OUT-R")).doesNotContainPattern("\\p{IsHan}");
    }

    /** A repair claimed on 2026-05-07 (day 36): a free repair, due within the pack's repairDueDays. */
    private static String repair(String id, String store) {
        return "{\"id\": \"" + id + "\"" + (store == null ? "" : ", \"store\": \"" + store + "\"")
                + ", \"product\": {\"sku\": \"S-1\", \"category\": \"TV\"}, \"purchaseDate\": \"2026-04-01\", "
                + "\"claimDate\": \"2026-05-07\", \"qualityDefect\": true, \"request\": \"REPAIR\"}";
    }

    @Test
    @DisplayName("diff --stores: the chain with a 16-day store-standard changes the claims of the stores on store-standard only, counted by store")
    void diffAnEditedPackOverTheChain() {
        Path edited = io.policyengine.examples.StoreStandardCopy.in(temp.resolve("edited"));
        ChainFolder.edit(edited.resolve("pack.drl"), "defectRefundDays   : int = 15", "defectRefundDays   : int = 13");

        Cli.Run run = Cli.run("diff", "--stores", stores.toString(), "store-standard", edited.toString(), claims.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines().get(0)).startsWith("policy diff: the stores of " + stores).endsWith("in the stacks of SH-0012, *");
        assertThat(run.outLines().get(1)).startsWith("3 claims compared, 2 decided differently");
        int byStore = run.outLines().indexOf("by store (* for a claim that names none):");
        assertThat(run.outLines().subList(byStore + 1, run.outLines().size())).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("  SH-0012 ").contains("1 claim "))
                .anySatisfy(line -> assertThat(line).startsWith("  *").contains("1 claim "));

        Cli.Run json = Cli.run("diff", "--json", "--stores", stores.toString(), "store-standard", edited.toString(), claims.toString());
        assertThat(json.outLines()).extracting(l -> JSON.readTree(l).path("store").asText("")).containsExactly("SH-0012", "");
    }

    @Test
    @DisplayName("diff --stores: a pack no row names, or a floor option, is one line and exit 2")
    void diffOfAPackNoRowNames() {
        Path edited = io.policyengine.examples.StoreStandardCopy.in(temp.resolve("edited"));

        Cli.Run unnamed = Cli.run("diff", "--stores", stores.toString(), "electronics-plus", edited.toString(), claims.toString());
        Cli.Run floors = Cli.run("diff", "--stores", stores.toString(), "--floor", "cn-consumer-law", "store-standard", edited.toString(),
                claims.toString());

        assertThat(unnamed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unnamed.errLines()).containsExactly("OLD_DIR: no row of stores.csv names electronics-plus");
        assertThat(floors.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(floors.errLines()).hasSize(1).first().asString().startsWith("--stores:");
    }

    @Test
    @DisplayName("generate-log --stores: every claim at one of the file's stores, decided by its stack; the same seed, the same log")
    void generateLogAcrossTheStores() throws Exception {
        Cli.Run run = Cli.run("generate-log", "--stores", stores.toString(), "--per-day", "4", "--seed", "7");
        Cli.Run again = Cli.run("generate-log", "--stores", stores.toString(), "--per-day", "4", "--seed", "7");
        Cli.Run plain = Cli.run("generate-log", "--per-day", "4", "--seed", "7");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).isEqualTo(run.out());
        assertThat(run.outLines()).hasSameSizeAs(plain.outLines()).hasSizeGreaterThan(60);
        Map<String, String> packOf = Map.of("SH-0012", "store-standard", "SH-OUT-1", "outlet");
        Set<String> seen = new java.util.HashSet<>();
        List<String> ids = new ArrayList<>();
        for (String line : run.outLines()) {
            JsonNode logged = JSON.readTree(line);
            String store = logged.get("claim").get("store").asText();
            seen.add(store);
            ids.add(logged.get("claim").get("id").asText());
            assertThat(logged.get("policy").get("name").asText()).as(line).isEqualTo(packOf.get(store));
            assertThat(logged.get("decision").get("summary").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)).as(line).isEqualTo(store.equals("SH-0012"));
        }
        assertThat(seen).containsExactlyInAnyOrder("SH-0012", "SH-OUT-1");
        // the same month of claims as without --stores, but for their store
        assertThat(ids).isEqualTo(plain.outLines().stream().map(l -> {
            try {
                return JSON.readTree(l).get("claim").get("id").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList());
    }

    @Test
    @DisplayName("--stores with --rules is one line and exit 2, on every command that takes it")
    void storesWithRulesIsAUsageError() {
        for (String command : List.of("decide", "explain", "due")) {
            Cli.Run run = Cli.run(command, "--stores", stores.toString(), "--rules", Cli.STORE_STANDARD.toString(), claims.toString());
            assertThat(run.exit()).as(command).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.errLines()).as(command).hasSize(1).first().asString().contains("--stores");
        }
    }
}
