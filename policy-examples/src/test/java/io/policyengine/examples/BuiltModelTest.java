package io.policyengine.examples;

import io.policyengine.PolicyEngine;
import io.policyengine.Wording;
import io.policyengine.check.Example;
import io.policyengine.check.ExampleFiles;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.PolicyId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundled pack loads from the executable model policy-rules' build compiled it to, its terms written into its rules
 * where every bundled pack that holds the rule has the same value (BundledTermsInlined); any other rules folder compiles
 * from DRL. Both must be the same policy: same identity, terms and rule index, and byte-identical decisions over the
 * example claims and generated claims, and the same rules firing for each.
 */
class BuiltModelTest {
    /** Enough for every article, exclusion and boundary day the generator makes, many times over, in both engines. */
    private static final int GENERATED = 25_000;
    private static final Path PACKS = ExampleClaimsTest.BUNDLED_PACKS;

    @Test
    void theBuildCompiledEveryBundledPackToTheExecutableModel() throws IOException {
        String index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/kie/io.policyengine/policy-rules/drools-model")) {
            assertThat(in).as("the model index kie-maven-plugin writes").isNotNull();
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(PolicyEngine.bundledPacks()).isNotEmpty().allSatisfy(pack ->
                assertThat(index).contains("packs." + pack.replace("-", "") + ".Rules"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"store-standard", "electronics-plus", "cn-consumer-law", "eu-consumer-law", "eu-consumer-law-pt", "eu-consumer-law-se"})
    void theBuiltModelIsTheSamePolicyAsItsDrl(String pack, @TempDir Path temp) throws Exception {
        PolicyEngine built = PolicyEngine.bundled(pack);
        // the pack's own folder has the bundled pack's content hash, and so would load the built model too: a copy with one
        // more comment line is compiled from its DRL (electronics-plus and the national variants keep their bundled parents)
        Path copy = Files.createDirectories(temp.resolve(pack));
        try (Stream<Path> files = Files.list(PACKS.resolve(pack))) {
            for (Path file : files.toList()) Files.copy(file, copy.resolve(file.getFileName()));
        }
        Files.writeString(copy.resolve("pack.drl"), "// a copy, compiled from its DRL\n", StandardOpenOption.APPEND);
        PolicyEngine compiled = PolicyEngine.load(copy);
        String builtHash = built.policy().hash();
        String copyHash = compiled.policy().hash();

        assertThat(copyHash).isNotEqualTo(builtHash);
        assertThat(new PolicyId(compiled.policy().name(), compiled.policy().version(), builtHash, compiled.policy().parents()))
                .isEqualTo(built.policy());
        assertThat(List.copyOf(built.terms().entrySet())).isEqualTo(List.copyOf(compiled.terms().entrySet()));
        assertSameDecisions(built, compiled, claims(pack), json -> json.replace(copyHash, builtHash));
    }

    @Test
    void aStoreOverTheBuiltFloorDecidesAsOverTheCompiledFloor() throws Exception {
        PolicyEngine built = PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law"));
        PolicyEngine compiled = PolicyEngine.load(PACKS.resolve("store-standard"))
                .withFloor(PolicyEngine.load(PACKS.resolve("cn-consumer-law")));

        assertThat(built.floors()).isEqualTo(compiled.floors());
        assertSameDecisions(built, compiled, claims("store-standard-with-cn-consumer-law"), json -> json);
    }

    /** The example claims of the folder that uses the pack, then the generated claims. */
    private static List<Claim> claims(String exampleFolder) throws IOException {
        List<Claim> claims = new ArrayList<>();
        Path folder = ExampleClaimsTest.CLAIMS.resolve(exampleFolder);
        if (folder.toFile().isDirectory()) {
            for (Path file : ExampleFiles.find(List.of(folder))) {
                ExampleFiles.read(file).stream().map(Example::claim).filter(Objects::nonNull).forEach(claims::add);
            }
        }
        claims.addAll(ClaimGenerator.random(20261128L, GENERATED));
        return claims;
    }

    /** {@code sameHash} gives the DRL side's JSON the built pack's content hash, where the two differ only in it. */
    private static void assertSameDecisions(PolicyEngine built, PolicyEngine compiled, List<Claim> claims, UnaryOperator<String> sameHash) {
        List<Decision> fromModel = built.decideAll(claims);
        List<Decision> fromDrl = compiled.decideAll(claims);
        Wording english = built.wording(Locale.ENGLISH);
        Wording chinese = built.wording(Locale.forLanguageTag("zh-CN"));
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            for (Wording wording : List.of(english, chinese)) {
                String a = DecisionJson.toJson(fromModel.get(i), wording);
                String b = sameHash.apply(DecisionJson.toJson(fromDrl.get(i), wording));
                if (!a.equals(b)) differences.add("model: " + a + "\n    DRL:   " + b);
            }
        }
        assertThat(differences).as("%d of %d decisions differ, the first:%n%s", differences.size(), claims.size(),
                String.join("\n", differences.subList(0, Math.min(3, differences.size())))).isEmpty();
        // the same rules fire in the same order: the order they are written (docs/embedding.md, "Firing order")
        for (Claim claim : claims.subList(0, 2_000)) {
            assertThat(DecisionJson.explanationJson(built.explain(claim), english))
                    .isEqualTo(sameHash.apply(DecisionJson.explanationJson(compiled.explain(claim), english)));
        }
    }

    @Test
    @DisplayName("explain gives the same bytes from the built pack and from a copy of its DRL, one at a time and four threads at once")
    void explanationsAreTheSameBytesFromTheBuiltPackAndItsDrlUnderLoad(@TempDir Path temp) throws Exception {
        PolicyEngine built = PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law"));
        PolicyEngine copy = PolicyEngine.load(StoreStandardCopy.in(temp.resolve("store-standard")))
                .withFloor(PolicyEngine.load(PACKS.resolve("cn-consumer-law")));
        List<Claim> claims = ClaimGenerator.random(20261203L, 300);
        List<String> expected = explanations(built, claims);

        assertThat(explanations(copy, claims)).isEqualTo(expected);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int run = 0; run < 8; run++) {
                PolicyEngine engine = run % 2 == 0 ? built : copy;
                runs.add(threads.submit(() -> explanations(engine, claims)));
            }
            for (Future<List<String>> run : runs) assertThat(run.get()).isEqualTo(expected);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Each claim's {@code explain --json} line, in both languages. */
    private static List<String> explanations(PolicyEngine engine, List<Claim> claims) {
        List<String> lines = new ArrayList<>();
        for (Claim claim : claims) {
            Explanation explanation = engine.explain(claim);
            for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"))) {
                lines.add(DecisionJson.explanationJson(explanation, engine.wording(language)));
            }
        }
        return lines;
    }
}
