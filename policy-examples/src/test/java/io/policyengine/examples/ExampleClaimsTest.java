package io.policyengine.examples;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.check.Example;
import io.policyengine.check.ExampleFiles;
import io.policyengine.check.Expectation;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.FiredRule;
import io.policyengine.model.PackRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every example line under {@code claims/} (JSON Lines of {@code {"claim": ..., "expect": ...}}) is
 * decided by the bundled packs its folder names and must meet its expectation: {@code claims/store-standard}
 * by the {@code store-standard} pack, {@code claims/store-standard-with-cn-consumer-law} by that store pack
 * with the {@code cn-consumer-law} floor under it. The examples, taken together, must also make every rule
 * of every pack they use fire at least once.
 */
class ExampleClaimsTest {

    /** The example folders; the tests run in the module directory. */
    static final Path CLAIMS = Path.of("claims");
    /** The bundled packs' rule files, as sources, to list each pack's rule names. */
    static final Path BUNDLED_PACKS = Path.of("..", "policy-rules", "src", "main", "resources", "packs");
    static final Path STORE_STANDARD_RULES = BUNDLED_PACKS.resolve("store-standard");
    /** Joins a store pack and its floors in an example folder's name. */
    private static final String WITH = "-with-";

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Map<String, PolicyEngine> ENGINES = new ConcurrentHashMap<>();

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (Path file : exampleFiles()) {
            for (Example example : ExampleFiles.read(file)) {
                String id = example.claim() == null ? "(unreadable)" : example.claim().id();
                all.add(Arguments.of(CLAIMS.relativize(file) + ":" + example.line() + " " + id, example));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleMeetsItsExpectation(String where, Example example) {
        assertThat(example.error()).as("%s cannot be read", where).isNull();
        PolicyEngine engine = engineFor(example.file());
        Decision decision = engine.decide(example.claim());
        List<Expectation.Difference> differences = example.expect().differences(decision, engine::wording);
        assertThat(differences)
                .as("%s: the decision differs from the expectation:%n%s", where, differences.stream()
                        .map(d -> "  " + d.field() + ": expected " + d.expected() + ", actual " + d.actual())
                        .collect(Collectors.joining(System.lineSeparator())))
                .isEmpty();
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"))) {
            String summary = engine.wording(language).summary(decision);
            assertThat(summary).as("%s: summary in %s", where, language).isNotBlank();
            assertThat(summary.split("(?<=[.。])(?=\\s|\\p{IsHan}|$)(?<!art\\.)")).as("%s: at most three sentences: %s", where, summary)
                    .hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    @DisplayName("a batch decides every claim as it is decided alone, even when equal claims share the batch")
    void aBatchWithEqualClaimsDecidesEachAsAlone() throws IOException {
        for (Path file : exampleFiles()) {
            List<Claim> claims = ExampleFiles.read(file).stream().map(Example::claim).filter(java.util.Objects::nonNull).toList();
            List<Claim> twice = new ArrayList<>(claims);
            for (Claim claim : claims) twice.add(copyOf(claim));
            PolicyEngine engine = engineFor(file);
            List<Decision> batch = engine.decideAll(twice);
            for (int i = 0; i < twice.size(); i++) {
                assertThat(batch.get(i)).as("%s, claim %s in a batch", file, twice.get(i).id())
                        .isEqualTo(engine.decide(twice.get(i)));
            }
        }
    }

    /** An equal claim that is not the same object, as a batch that repeats a line would hold. */
    private static Claim copyOf(Claim c) {
        return c.toBuilder().build();
    }

    @Test
    @DisplayName("every example file holds at least one example and no unreadable line")
    void everyExampleFileIsReadable() throws IOException {
        List<Path> files = exampleFiles();
        assertThat(files).as("example files under %s", CLAIMS.toAbsolutePath()).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<Example> examples = ExampleFiles.read(file);
            if (examples.stream().noneMatch(e -> e.error() == null)) problems.add(file + ": no example");
            examples.stream().filter(e -> e.error() != null).forEach(e -> problems.add(e.where() + ": " + e.error()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("every example folder names bundled packs")
    void everyFolderNamesBundledPacks() throws IOException {
        Set<String> packs = new TreeSet<>();
        for (Path file : exampleFiles()) packs.addAll(stackOf(file));
        assertThat(packs).contains("store-standard");
        assertThat(PolicyEngine.bundledPacks()).containsAll(packs);
    }

    @Test
    @DisplayName("every store-standard rule is exercised by some example")
    void everyStoreStandardRuleFiresForSomeExample() throws IOException {
        assertEveryRuleFires("store-standard");
    }

    @Test
    @DisplayName("every rule of every other pack the examples use (stores and floors) is exercised by some example")
    void everyRuleOfEveryPackFiresForSomeExample() throws IOException {
        Set<String> packs = new TreeSet<>();
        for (Path file : exampleFiles()) packs.addAll(stackOf(file));
        packs.remove("store-standard");
        for (String pack : packs) assertEveryRuleFires(pack);
    }

    /**
     * Every rule of the bundled {@code pack} fires for some example of the folders that use it. Each pack
     * of a stack decides on its own (contract section 6.2), so the pack alone tells which of its rules fire.
     */
    private static void assertEveryRuleFires(String pack) throws IOException {
        PolicyEngine engine = engine(List.of(pack));
        // a pack that extends another (contract 14.1) has its parents' rules too: the engine lists them all, once
        Set<String> rules = engine.rules().stream().map(PackRule::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rules).as("rule names in %s", BUNDLED_PACKS.resolve(pack)).isNotEmpty()
                .containsAll(ruleNames(BUNDLED_PACKS.resolve(pack)));
        Set<String> fired = new TreeSet<>();
        for (Path file : exampleFiles()) {
            if (!stackOf(file).contains(pack)) continue;
            for (Example example : ExampleFiles.read(file)) {
                if (example.claim() == null) continue;
                engine.explain(example.claim()).firedRules().stream().map(FiredRule::rule).forEach(fired::add);
            }
        }
        Set<String> neverFired = new TreeSet<>(rules);
        neverFired.removeAll(fired);
        assertThat(neverFired).as("%s rules that fire for no example under %s", pack, CLAIMS).isEmpty();
        assertThat(rules).as("%s rules that fired but are not in the pack's rule files", pack).containsAll(fired);
    }

    /** Every {@code .jsonl} file under {@link #CLAIMS}, sorted. */
    static List<Path> exampleFiles() throws IOException {
        return ExampleFiles.find(List.of(CLAIMS));
    }

    /**
     * The bundled packs an example file is decided by, store pack first: the first folder below
     * {@link #CLAIMS}, as {@code STORE} or {@code STORE-with-FLOOR[-with-FLOOR...]}.
     */
    static List<String> stackOf(Path file) {
        Path relative = CLAIMS.relativize(file);
        if (relative.getNameCount() < 2) fail(file + " is not in a pack folder under " + CLAIMS);
        return List.of(relative.getName(0).toString().split(WITH));
    }

    private static PolicyEngine engineFor(Path file) {
        return engine(stackOf(file));
    }

    private static PolicyEngine engine(List<String> stack) {
        return ENGINES.computeIfAbsent(String.join(WITH, stack), key -> {
            try {
                PolicyEngine engine = PolicyEngine.bundled(stack.get(0));
                for (String floor : stack.subList(1, stack.size())) engine = engine.withFloor(PolicyEngine.bundled(floor));
                return engine;
            } catch (RuleLoadException e) {
                throw new AssertionError("the bundled packs " + stack + " do not load:\n" + e.getMessage(), e);
            }
        });
    }

    /** The names of the rules declared in the {@code .drl} files under {@code folder}. */
    static Set<String> ruleNames(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path drl : walk.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = RULE_NAME.matcher(stripComments(read(drl)));
                while (m.find()) names.add(m.group(1));
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DRL without its comments, so that a rule commented out is not counted. */
    private static String stripComments(String drl) {
        return drl.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }
}
