package io.policyengine.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.examples.docs.ReturnsDesk;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The examples in README.md and docs/ cannot rot: every Java snippet is a region of a source file that the build
 * compiles (shown under {@code <!-- source: FILE#REGION -->}, checked here to the letter), and every
 * {@code ./policy} line of a shell example parses against the command line as it is today, with the repository
 * paths it names in place.
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern SOURCE = Pattern.compile("^<!-- source: (\\S+)#([\\w-]+) -->$");
    /** A word of a shell line that names a file or folder of the repository (globs allowed). */
    private static final Pattern REPO_PATH = Pattern.compile("^(policy-examples|policy-rules|policy-core|docs|bench)/.*");

    record Block(Path document, int line, String language, String text, String source) {
        @Override
        public String toString() {
            return ROOT.relativize(document) + ":" + line;
        }
    }

    static List<Block> blocks() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document);
            for (int i = 0; i < lines.size(); i++) {
                Matcher open = FENCE.matcher(lines.get(i));
                if (!open.matches() || open.group(1).isEmpty()) continue;
                int start = i;
                StringBuilder text = new StringBuilder();
                while (++i < lines.size() && !lines.get(i).startsWith("```")) text.append(lines.get(i)).append('\n');
                String source = start > 0 && SOURCE.matcher(lines.get(start - 1)).matches() ? lines.get(start - 1) : null;
                blocks.add(new Block(document, start + 1, open.group(1), text.toString(), source));
            }
        }
        return blocks;
    }

    static Stream<Block> javaBlocks() throws IOException {
        return blocks().stream().filter(b -> b.language().equals("java"));
    }

    static Stream<Block> shellBlocks() throws IOException {
        return blocks().stream().filter(b -> List.of("sh", "bash", "shell").contains(b.language()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javaBlocks")
    @DisplayName("every Java snippet is a compiled source region, shown to the letter")
    void javaSnippetIsCompiledSource(Block block) throws IOException {
        assertThat(block.source()).as("%s: a ```java block needs <!-- source: FILE#REGION --> on the line above it", block).isNotNull();
        Matcher source = SOURCE.matcher(block.source());
        assertThat(source.matches()).isTrue();
        Path file = ROOT.resolve(source.group(1));
        assertThat(file).as("%s names a source file", block).exists();
        assertThat(block.text()).as("%s shows region %s of %s", block, source.group(2), file).isEqualTo(region(file, source.group(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shellBlocks")
    @DisplayName("every ./policy line of a shell example parses today, and the repository paths it names exist")
    void shellExampleParses(Block block) {
        for (String line : logicalLines(block.text())) {
            List<String> words = commandWords(line);
            if (words.isEmpty()) continue;
            CommandLine cli = PolicyCli.commandLine(new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            cli.addSubcommand(new BenchCommand());
            assertThatCode(() -> cli.parseArgs(words.toArray(String[]::new)))
                    .as("%s: %s", block, line).doesNotThrowAnyException();
            for (String word : words) {
                if (REPO_PATH.matcher(word).matches()) {
                    assertThat(matches(word)).as("%s: %s names %s, which is not in the repository", block, line, word).isPositive();
                }
            }
        }
    }

    @Test
    @DisplayName("the complete example of docs/embedding.md decides a claim in Chinese and answers bad input with its one line")
    void returnsDeskWorks(@TempDir Path rules) throws Exception {
        Path storeStandard = ROOT.resolve("policy-rules/src/main/resources/packs/store-standard");
        try (Stream<Path> files = Files.list(storeStandard)) {
            for (Path file : files.toList()) Files.copy(file, rules.resolve(file.getFileName()));
        }
        String claim = """
                {"id": "C-1001", "product": {"sku": "TV-55-X1", "category": "ELECTRONICS", "price": 3299.00, "saleType": "REGULAR", "customMade": false},
                 "purchaseDate": "2026-03-01", "claimDate": "2026-03-09", "qualityDefect": true, "request": "REFUND",
                 "condition": {"packaging": "INTACT", "accessoriesComplete": true, "warrantyCard": true, "usageTraces": false, "customerDamage": false}}""";
        try (ReturnsDesk desk = new ReturnsDesk(rules)) {
            assertThat(desk.decide(claim, Locale.forLanguageTag("zh-CN")))
                    .contains("\"claimId\":\"C-1001\"", "\"outcome\":\"REFUND\"", "\"summary\":\"为您办理退货");
            assertThat(desk.decide(claim.replace("true, \"request\"", "\"yes\", \"request\""), Locale.ENGLISH))
                    .isEqualTo("{\"error\": \"qualityDefect: expected true or false, got \\\"yes\\\"\"}");
        }
    }

    @Test
    @DisplayName("the minimal pom of docs/embedding.md names the versions this build makes and uses")
    void minimalPomIsCurrent() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String minimal = blocks().stream()
                .filter(b -> b.language().equals("xml") && b.text().contains("<artifactId>returns-desk</artifactId>"))
                .findFirst().orElseThrow().text();
        assertThat(minimal).contains("<version>" + tag(pom, "version") + "</version>",
                "<version>" + tag(pom, "slf4j.version") + "</version>",
                "<maven.compiler.release>" + tag(pom, "release") + "</maven.compiler.release>");
    }

    @Test
    @DisplayName("README's claim is decided as README shows it, in English and in Chinese")
    void readmeDecisionIsCurrent() throws Exception {
        List<Block> json = blocks().stream().filter(b -> b.document().endsWith("README.md") && b.language().equals("json")).toList();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode shown = mapper.readTree(json.get(1).text());
        Claim claim = ClaimJson.parse(ClaimJson.readValue("claim", json.get(0).text()));
        PolicyEngine engine = PolicyEngine.storeStandard();
        JsonNode actual = mapper.readTree(DecisionJson.toJson(engine.render(claim, Locale.ENGLISH)));
        assertSameAsShown("decision", shown, actual);

        JsonNode chinese = mapper.readTree(DecisionJson.toJson(engine.render(claim, Locale.forLanguageTag("zh-CN"))));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("`\"summary\": \"" + chinese.get("summary").asText() + "\"`",
                "`\"message\": \"" + chinese.get("reasons").get(0).get("message").asText() + "\"`");
    }

    /** Every field README shows has the value the engine gives ({@code "…"} stands for any value); fields it leaves out are not checked. */
    private static void assertSameAsShown(String path, JsonNode shown, JsonNode actual) {
        if (shown.isTextual() && shown.asText().equals("…")) return;
        assertThat(actual).as(path).isNotNull();
        if (shown.isObject()) {
            shown.fieldNames().forEachRemaining(name -> assertSameAsShown(path + "." + name, shown.get(name), actual.get(name)));
        } else if (shown.isArray()) {
            assertThat(actual.isArray()).as(path).isTrue();
            for (int i = 0; i < shown.size(); i++) assertSameAsShown(path + "[" + i + "]", shown.get(i), actual.get(i));
        } else if (shown.isNumber()) {
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(shown.decimalValue());
        } else {
            assertThat(actual).as(path).isEqualTo(shown);
        }
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(xml);
        assertThat(m.find()).as("pom.xml has <%s>", name).isTrue();
        return m.group(1);
    }

    /** The lines between {@code tag::NAME[]} and {@code end::NAME[]}, less their common indentation. */
    private static String region(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// tag::" + name + "[]")) from = i + 1;
            if (lines.get(i).trim().equals("// end::" + name + "[]")) to = i;
        }
        assertThat(from).as("%s has a region %s", file, name).isPositive();
        assertThat(to).as("%s ends its region %s", file, name).isGreaterThanOrEqualTo(from);
        List<String> region = lines.subList(from, to);
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : region) text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        return text.toString();
    }

    /** The block's lines with {@code \} continuations joined. */
    private static List<String> logicalLines(String text) {
        return List.of(text.replace("\\\n", " ").split("\n"));
    }

    /**
     * The arguments of the {@code ./policy} command on a shell line, or none: from the word after
     * {@code ./policy} (a {@code $ } prompt and {@code NAME=value} settings before it allowed) to the first
     * redirection, pipe, {@code ;}, {@code &} or comment. Quotes are taken off.
     */
    static List<String> commandWords(String line) {
        String[] words = line.trim().split("\\s+");
        int i = 0;
        if (i < words.length && words[i].equals("$")) i++;
        while (i < words.length && words[i].matches("[A-Z_]+=.*")) i++;
        if (i >= words.length || !words[i].equals("./policy")) return List.of();
        List<String> args = new ArrayList<>();
        for (i++; i < words.length; i++) {
            String word = words[i];
            if (word.startsWith("#") || word.matches("\\d?[<>|;&].*")) break;
            args.add(word.replaceAll("^['\"]|['\"]$", ""));
        }
        return args;
    }

    private static long matches(String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Path top = ROOT.resolve(glob.substring(0, glob.indexOf('/')));
        try (Stream<Path> all = Files.walk(top)) {
            return all.map(p -> ROOT.relativize(p)).filter(matcher::matches).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
