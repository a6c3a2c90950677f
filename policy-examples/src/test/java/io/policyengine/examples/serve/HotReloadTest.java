package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --rules DIR} is watched: a broken save keeps the old rules serving and says so; a good one goes live. */
class HotReloadTest {
    private static final Path BUNDLED = Path.of("..", "policy-rules", "src", "main", "resources", "packs", "store-standard");

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

    @Test
    @DisplayName("a rules folder mounted from a Kubernetes ConfigMap loads, and reloads when the kubelet swaps its files")
    void configMapFolder() throws IOException, RuleLoadException, InterruptedException {
        // The kubelet's layout: the files in a hidden timestamped folder, ..data linking to it, and each
        // file a link through ..data; an update writes a new folder and renames a new ..data link over the old.
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Path first = copyOfStoreStandard(rules.resolve("..2026_12_03_01_00_00.1"));
        Files.createSymbolicLink(rules.resolve("..data"), first.getFileName());
        try (Stream<Path> files = Files.list(first)) {
            for (Path file : files.toList()) {
                Files.createSymbolicLink(rules.resolve(file.getFileName()), Path.of("..data").resolve(file.getFileName()));
            }
        }
        try (LiveService live = LiveService.start(PolicyEngine.load(rules), true, null)) {
            String oldHash = policy(live).get("hash").asText();
            assertThat(policy(live).get("terms").get("defectRefundDays").asInt()).isEqualTo(15);

            Path second = copyOfStoreStandard(rules.resolve("..2026_12_03_01_01_00.2"));
            edit(second, "pack.drl", "defectRefundDays   : int = 15", "defectRefundDays   : int = 16");
            Files.createSymbolicLink(rules.resolve("..data_tmp"), second.getFileName());
            Files.move(rules.resolve("..data_tmp"), rules.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> files = Files.list(first)) {
                for (Path file : files.toList()) Files.delete(file);
            }
            Files.delete(first);
            JsonNode reloaded = waitFor(live, p -> !p.get("hash").asText().equals(oldHash));

            assertThat(reloaded.get("lastReloadError").isNull()).as("%s", reloaded).isTrue();
            assertThat(reloaded.get("terms").get("defectRefundDays").asInt()).isEqualTo(16);
        }
    }

    private static JsonNode policy(LiveService live) {
        return LiveService.parse(live.get("/v1/policy").body());
    }

    /** Polls /v1/policy until it shows what is awaited; reloading compiles the pack, which takes seconds on a busy machine. */
    private static JsonNode waitFor(LiveService live, Predicate<JsonNode> awaited) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode policy = policy(live);
        while (!awaited.test(policy) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            policy = policy(live);
        }
        assertThat(awaited).as("/v1/policy after a save: %s", policy).accepts(policy);
        return policy;
    }

    private static Path copyOfStoreStandard(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(BUNDLED)) {
            for (Path file : files.toList()) Files.copy(file, folder.resolve(file.getFileName()));
        }
        return folder;
    }

    /** A policy author's save: the new text replaces the file at once. */
    private static void edit(Path pack, String file, String from, String to) throws IOException {
        Path path = pack.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Path staged = Files.writeString(pack.resolveSibling(file + ".tmp"), text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        Files.move(staged, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
