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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundled pack loads from the executable model policy-rules' build compiled it to, its terms written into its rules
 * where every bundled pack that holds the rule has the same value (BundledTermsInlined); a rules folder
 * compiles from DRL. Both must be the same policy: same identity, terms and rule index, and
 * byte-identical decisions over the example claims and generated claims, and the same rules firing
 * for each.
 */
class BuiltModelTest {
    /** Enough for every article, exclusion and boundary day the generator makes, many times over, in both engines. */
    private static final int GENERATED = 10_000;
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
        PolicyEngine compiled = fromDrl(pack, temp);

        assertThat(compiled.policy()).usingRecursiveComparison().ignoringFields("hash").isEqualTo(built.policy());
        assertThat(compiled.policy().hash()).as("a hash of its own: not the bundled pack's files").isNotEqualTo(built.policy().hash());
        assertThat(List.copyOf(built.terms().entrySet())).isEqualTo(List.copyOf(compiled.terms().entrySet()));
        assertSameDecisions(built, compiled, claims(pack));
    }

    @Test
    void aStoreOverTheBuiltFloorDecidesAsOverTheCompiledFloor(@TempDir Path temp) throws Exception {
        PolicyEngine built = PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law"));
        PolicyEngine compiled = fromDrl("store-standard", temp).withFloor(fromDrl("cn-consumer-law", temp));

        assertThat(compiled.floors()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("hash").isEqualTo(built.floors());
        assertSameDecisions(built, compiled, claims("store-standard-with-cn-consumer-law"));
    }

    /**
     * The bundled pack {@code name} compiled from its DRL: a copy of its folder with one more comment line. A byte-for-byte
     * copy would not do: a folder that holds a bundled pack's very files loads the build's model (PackLoader).
     */
    private static PolicyEngine fromDrl(String name, Path temp) throws Exception {
        Path copy = Files.createDirectories(temp.resolve(name));
        try (Stream<Path> files = Files.list(PACKS.resolve(name))) {
            for (Path file : files.toList()) Files.copy(file, copy.resolve(file.getFileName()));
        }
        Path packFile = copy.resolve("pack.drl");
        Files.writeString(packFile, Files.readString(packFile) + "\n// compiled from its DRL by BuiltModelTest\n");
        return PolicyEngine.load(copy);
    }

    /** {@code json} written by the DRL-compiled engine, with its packs' hashes (the added line changed them) as the built ones. */
    private static String withBuiltHashes(String json, PolicyEngine compiled, PolicyEngine built) {
        List<PolicyId> from = new ArrayList<>(List.of(compiled.policy()));
        from.addAll(compiled.floors());
        List<PolicyId> to = new ArrayList<>(List.of(built.policy()));
        to.addAll(built.floors());
        for (int i = 0; i < from.size(); i++) json = json.replace(from.get(i).hash(), to.get(i).hash());
        return json;
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

    private static void assertSameDecisions(PolicyEngine built, PolicyEngine compiled, List<Claim> claims) {
        List<Decision> fromModel = built.decideAll(claims);
        List<Decision> fromDrl = compiled.decideAll(claims);
        Wording english = built.wording(Locale.ENGLISH);
        Wording chinese = built.wording(Locale.forLanguageTag("zh-CN"));
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            for (Wording wording : List.of(english, chinese)) {
                String a = DecisionJson.toJson(fromModel.get(i), wording);
                String b = withBuiltHashes(DecisionJson.toJson(fromDrl.get(i), wording), compiled, built);
                if (!a.equals(b)) differences.add("model: " + a + "\n    DRL:   " + b);
            }
        }
        assertThat(differences).as("%d of %d decisions differ, the first:%n%s", differences.size(), claims.size(),
                String.join("\n", differences.subList(0, Math.min(3, differences.size())))).isEmpty();
        // the same rules fire in the same order: the order they are written (docs/embedding.md, "Firing order")
        for (Claim claim : claims.subList(0, 2_000)) {
            assertThat(DecisionJson.explanationJson(built.explain(claim), english))
                    .isEqualTo(withBuiltHashes(DecisionJson.explanationJson(compiled.explain(claim), english), compiled, built));
        }
    }

    @Test
    @DisplayName("explain gives the same bytes from the built pack and from a copy of its DRL, one at a time and four threads at once")
    void explanationsAreTheSameBytesFromTheBuiltPackAndItsDrlUnderLoad(@TempDir Path temp) throws Exception {
        PolicyEngine built = PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law"));
        PolicyEngine copy = fromDrl("store-standard", temp).withFloor(fromDrl("cn-consumer-law", temp));
        List<Claim> claims = ClaimGenerator.random(20261203L, 300);
        List<String> expected = explanations(built, claims);

        assertThat(explanations(copy, claims)).map(line -> withBuiltHashes(line, copy, built)).isEqualTo(expected);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int run = 0; run < 8; run++) {
                PolicyEngine engine = run % 2 == 0 ? built : copy;
                runs.add(threads.submit(() -> explanations(engine, claims).stream().map(line -> withBuiltHashes(line, engine, built)).toList()));
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
