package io.policyengine.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code explain --lang zh-CN} over every bundled example claim of store-standard, alone and under cn-consumer-law, has
 * no English word but what came from the claim (its id, SKU, category, fault codes, events), the packs' names and the
 * terms' names (the identifiers a policy author finds in the rule files).
 */
class ChineseExplainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyExampleExplainedInChineseHasNoEnglishWord() throws IOException {
        TreeSet<String> fromClaims = new TreeSet<>(Comparator.comparing(String::length).reversed().thenComparing(s -> s));
        List<String> claims = new ArrayList<>();
        for (String folder : List.of("store-standard", "store-standard-with-cn-consumer-law")) {
            try (Stream<Path> files = Files.walk(Path.of("claims", folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (line.isBlank()) continue;
                        JsonNode claim = JSON.readTree(line).get("claim");
                        claims.add(JSON.writeValueAsString(claim));
                        collectStrings(claim, fromClaims);
                    }
                }
            }
        }
        Path all = dir.resolve("claims.jsonl");
        Files.write(all, claims);
        assertThat(claims).hasSizeGreaterThan(100);

        for (List<String> stack : List.of(List.<String>of(), List.of("--floor", "cn-consumer-law"))) {
            List<String> args = new ArrayList<>(List.of("explain", "--lang", "zh-CN"));
            args.addAll(stack);
            args.add(all.toString());
            Cli.Run run = Cli.run(args.toArray(String[]::new));
            assertThat(run.out()).contains("结果：");
            for (String line : run.out().split("\n")) {
                // a step a parent pack gave names its file (来自 PACK，FILE:LINE): a path, not words
                String words = line.replaceAll("［条款数值：[^］]*］", "").replaceAll("来自 \\S+，\\S+:\\d+$", "来自")
                        .replaceAll("store-standard|cn-consumer-law|follow-up-duties", "");
                for (String value : fromClaims) words = words.replace(value, "");
                assertThat(words).as("English in: %s", line).doesNotContainPattern("[A-Za-z]{2,}");
            }
        }
    }

    private static void collectStrings(JsonNode node, TreeSet<String> into) {
        if (node.isTextual()) into.add(node.asText());
        node.forEach(child -> collectStrings(child, into));
    }
}
