package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static io.policyengine.examples.serve.RulesFolder.changeRefundDays;
import static io.policyengine.examples.serve.RulesFolder.copyOfStoreStandard;
import static io.policyengine.examples.serve.RulesFolder.policy;
import static io.policyengine.examples.serve.RulesFolder.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/deploy mounts the rules from a Kubernetes ConfigMap: such a folder loads, and goes live again when the kubelet updates it. */
class ConfigMapReloadTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("a rules folder mounted from a ConfigMap loads, and reloads when the kubelet swaps its files")
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
            changeRefundDays(second, 15, 16);
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
}
