package io.policyengine.examples.serve;

import io.policyengine.PolicyEngine;
import io.policyengine.Wording;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.JsonLines;
import io.policyengine.model.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-claim answer goes out as bytes written straight away: the same bytes as the decision's JSON text, in both languages. */
class AnswerJsonTest {
    private static final PolicyEngine STORE = PolicyEngine.storeStandard();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh-CN"})
    void theAnswersBytesAreTheDecisionsJsonInUtf8(String language) throws IOException {
        Wording wording = STORE.wording(Locale.forLanguageTag(language));
        List<Path> files;
        try (Stream<Path> examples = Files.list(Path.of("claims/store-standard"))) {
            files = examples.filter(file -> file.toString().endsWith(".jsonl")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            for (JsonLines.Line line : JsonLines.read(file)) {
                if (line.error() != null || !line.value().has("claim")) continue;
                Decision decision = STORE.decide(ClaimJson.parse(line.value().get("claim")));
                assertThat(AnswerJson.decisionBytes(decision, wording))
                        .as("%s line %d", file.getFileName(), line.number())
                        .isEqualTo(AnswerJson.decision(decision, wording).getBytes(StandardCharsets.UTF_8));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }
}
