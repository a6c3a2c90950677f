package io.policyengine.examples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads lives in a resource file a translator edits ({@code words.LANG.properties} beside the
 * programs' classes, {@code language.LANG.properties} and {@code summary.LANG.txt} in the library, each pack's
 * sentence files), never in Java. Two rules, read from the sources themselves:
 * <ol>
 *   <li><b>No Chinese in Java</b>, outside comments, in any main source of the project.</li>
 *   <li><b>No English phrase in a string literal of the packages that print or serve words</b> ({@code cli},
 *       {@code command}, {@code pipeline}, {@code report}, {@code serve}, {@code words}). A phrase is a literal with
 *       a word of three letters or more and a space between words, once format specifiers are taken out
 *       ({@code "by outcome, old -> new:"}), or a capitalised word before a space or colon ({@code "FAIL "}).
 *       Not counted: what the contract fixes in English and nobody translates, recognised by where the literal
 *       stands (picocli's help in annotations, which {@code --lang} does not reach; the one-line errors of bad
 *       input, thrown or printed to stderr; log lines for operators), literals in the shape of a protocol (a media
 *       type, an HTTP header, JSON), and the short list {@link #ALLOWED} below, each with its reason.</li>
 * </ol>
 * A third rule keeps the files whole: each English word has its Chinese.
 */
class WordsInFilesTest {
    private static final Path PROJECT = Path.of("..");
    private static final List<Path> MAIN_SOURCES = List.of(PROJECT.resolve("policy-core/src/main/java"),
            PROJECT.resolve("policy-rules/src/main/java"), Path.of("src/main/java"));
    private static final Path PROGRAMS = Path.of("src/main/java/io/policyengine/examples");
    private static final List<String> WORDS_PACKAGES = List.of("cli", "command", "pipeline", "report", "serve", "words");

    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    private static final Pattern FORMAT = Pattern.compile("%[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]|\\\\[nrt\"\\\\]");
    private static final Pattern PHRASE = Pattern.compile("[A-Za-z]{3,}.*\\s.*[A-Za-z]{2,}|[A-Za-z]{2,}.*\\s.*[A-Za-z]{3,}|\\b[A-Z]{3,}[ :]");
    /** Where a literal stands when it is help, an error or a log line: the statement before it says so. */
    private static final Pattern FIXED_IN_ENGLISH = Pattern.compile("@Command\\(|@Option\\(|@Parameters\\(|description\\s*=|throw |"
            + "Exception\\(|HttpError\\(|NotADecision\\(|OutOfRange\\(|RuleProblem\\.|problems\\.add\\(|refuse\\(|err\\.print|LOG\\.|\\blog\\(");
    /** A media type, an HTTP request or header, JSON, a regular expression: the wire's words, not a person's. */
    private static final Pattern PROTOCOL = Pattern.compile("^[\\w.+-]+/[\\w.+-]+;.*|.*HTTP/1\\.1.*|.*\\\\r\\\\n.*|^Bearer .*|^\\{\\\\\".*|^\\(\\?i\\).*|^(GET|POST|HEAD) /.*");

    /** Literals that look like words but are not translated, by file (under the programs' package), with why. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // a developer's measurement of the engine, quoted by docs/performance.md; bench has no --lang
            Map.entry("cli/BenchCommand.java", Set.of("*")),
            // the HELP lines of the Prometheus metrics, read by a scraper
            Map.entry("serve/ServiceMetrics.java", Set.of("*")),
            // the one-line error every command ends with (contract: errors in English)
            Map.entry("cli/PolicyCli.java", Set.of("error: ", "an unexpected error (run with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug for details)")),
            // errors about the two folders, printed to stderr by the caller
            Map.entry("cli/DiffCommand.java", Set.of(": no such folder: ", ": not a folder: ", ": cannot read folder: ", "cannot read ",
                    "OLD_DIR and NEW_DIR are the same folder (", ") with the same floors: nothing to compare",
                    "--stores: the stores file names each store's floors; leave out --floor, --old-floor and --new-floor")),
            // the field an option's error names
            Map.entry("cli/TokenCommand.java", Set.of("role: ", "stores: ", "name: ", "NAME: ")),
            // examples inside the errors of a targets file
            Map.entry("report/Targets.java", Set.of("requestsMet 98%", "onSiteLate 5%", "repeatRepairs 2%", "overdueDuties 0", "compensation 500")),
            // parts of the errors of a log line that is not a decision
            Map.entry("report/LogLineReader.java", Set.of("(no message)", "an object", "an array")),
            // a batch line's error (contract 9), and a log line
            Map.entry("serve/BatchAnswer.java", Set.of("not decided: ", "; send the claim again later")),
            Map.entry("serve/ClaimEndpoints.java", Set.of("out of memory")),
            // why --decision-log cannot be opened: an error on stderr
            Map.entry("serve/ServeCommand.java", Set.of(" is not a folder", "no such folder ", "it is a folder", "permission denied")),
            // the markup of the signed-in bar, whose words come from the words files; the page's slot for them
            Map.entry("serve/SignIn.java", Set.of("*")),
            Map.entry("serve/DecisionService.java", Set.of("/*access words*/{}")));

    /**
     * Chinese in Java that no program says: an error's example of what an author may type in an example file, and the
     * sentence file of a pack the benchmark generates (a pack's words, written out as the pack's own file). By file, the
     * literal that may hold it ({@code *}: any literal of that file).
     */
    private static final Map<String, String> CHINESE_ALLOWED = Map.of("io/policyengine/check/Expectation.java", "{\\\"zh-CN\\\": \\\"退货\\\"}",
            "io/policyengine/examples/bench/ChainPack.java", "*");

    @Test
    @DisplayName("no Chinese in any Java main source outside comments: Chinese words live in the zh-CN files")
    void noChineseInJava() {
        List<String> found = new ArrayList<>();
        for (Path root : MAIN_SOURCES) {
            for (Path file : javaFiles(root)) {
                String name = root.relativize(file).toString().replace('\\', '/');
                for (Literal literal : Literal.of(read(file))) {
                    String allowed = CHINESE_ALLOWED.getOrDefault(name, "\0");
                    if (allowed.equals("*") || literal.text().contains(allowed)) continue;
                    if (CHINESE.matcher(literal.text()).find()) found.add(file + ":" + literal.line() + ": \"" + literal.text() + "\"");
                }
            }
        }
        assertThat(found).as("Chinese in Java; move it into a language's resource file").isEmpty();
    }

    @Test
    @DisplayName("no English phrase a person reads in the packages that print or serve words: they come from words.LANG.properties")
    void noEnglishPhrasesInThePrograms() {
        List<String> found = new ArrayList<>();
        for (String room : WORDS_PACKAGES) {
            for (Path file : javaFiles(PROGRAMS.resolve(room))) {
                String name = PROGRAMS.relativize(file).toString().replace('\\', '/');
                Set<String> allowed = ALLOWED.getOrDefault(name, Set.of());
                if (allowed.contains("*")) continue;
                for (Literal literal : Literal.of(read(file))) {
                    if (!PHRASE.matcher(FORMAT.matcher(literal.text()).replaceAll(" ")).find()) continue;
                    if (FIXED_IN_ENGLISH.matcher(literal.statement()).find() || PROTOCOL.matcher(literal.text()).matches()) continue;
                    if (allowed.contains(literal.text())) continue;
                    found.add(name + ":" + literal.line() + ": \"" + literal.text() + "\"");
                }
            }
        }
        assertThat(found).as("English words in Java; put them in words.en.properties and words.zh-CN.properties").isEmpty();
    }

    @Test
    @DisplayName("the rules see what they are meant to: Chinese, a phrase, a help text and an error are told apart")
    void theRulesTellWordsFromTheRest() {
        List<Literal> literals = Literal.of("""
                // a comment may say 第六条 and "in English"
                @Option(names = "--by", description = "Group the decisions by day")
                class X {
                    void f() {
                        out.println("by outcome, old -> new:");
                        out.println("FAIL " + id);
                        out.println(words.get("diff.byOutcome"));
                        String s = "元";
                        char quote = '"';
                        throw new BadInputException("--by", "expected day, week or month");
                    }
                }
                """);
        assertThat(literals).extracting(Literal::text).containsExactly("--by", "Group the decisions by day", "by outcome, old -> new:",
                "FAIL ", "diff.byOutcome", "元", "--by", "expected day, week or month");
        assertThat(literals).filteredOn(l -> PHRASE.matcher(l.text()).find() && !FIXED_IN_ENGLISH.matcher(l.statement()).find())
                .extracting(Literal::text).containsExactly("by outcome, old -> new:", "FAIL ");
        assertThat(literals).filteredOn(l -> CHINESE.matcher(l.text()).find()).extracting(Literal::text).containsExactly("元");
    }

    @Test
    @DisplayName("each English word of the programs and of the library's language files has its Chinese")
    void everyEnglishWordHasItsChinese() throws IOException {
        List<Path> english = new ArrayList<>();
        for (Path resources : List.of(Path.of("src/main/resources"), PROJECT.resolve("policy-core/src/main/resources"))) {
            try (Stream<Path> files = Files.walk(resources)) {
                files.filter(f -> f.getFileName().toString().matches("(words|language)\\.en\\.properties")).forEach(english::add);
            }
        }
        assertThat(english).as("the words files are found").hasSizeGreaterThanOrEqualTo(5);
        List<String> missing = new ArrayList<>();
        for (Path en : english) {
            Path zh = en.resolveSibling(en.getFileName().toString().replace(".en.", ".zh-CN."));
            Set<String> chinese = keys(zh);
            for (String key : keys(en)) {
                // serve's ready line is the contract's machine-read line (contract 9): English only
                if (key.startsWith("ready.") && en.toString().contains("/serve/")) continue;
                if (!chinese.contains(key)) missing.add(zh + ": " + key);
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties read = new Properties();
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            read.load(in);
        }
        return new TreeSet<>(read.stringPropertyNames());
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A string literal of a source (a text block's body too), as written between its quotes, with its line and the
     * statement before it (from the last {@code ;}, {@code }} or block's {@code {} to the literal), comments left out.
     */
    record Literal(String text, int line, String statement) {
        static List<Literal> of(String source) {
            List<Literal> found = new ArrayList<>();
            StringBuilder code = new StringBuilder(); // the source without comments, for the statements
            int statement = 0;
            int depth = 0;
            int line = 1;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    i = end < 0 ? source.length() : end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? source.length() : end + 2;
                    line += count(source, i, end);
                    i = end;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = i + 3;
                    while (!source.startsWith("\"\"\"", end) || source.charAt(end - 1) == '\\') end++;
                    found.add(new Literal(source.substring(i + 3, end), line, code.substring(statement)));
                    line += count(source, i, end);
                    code.append("\"\"");
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (source.charAt(end) != c) end += source.charAt(end) == '\\' ? 2 : 1;
                    if (c == '"') found.add(new Literal(source.substring(i + 1, end), line, code.substring(statement)));
                    code.append(c).append(c);
                    i = end + 1;
                } else {
                    if (c == '\n') line++;
                    code.append(c);
                    if (c == '(') depth++;
                    if (c == ')') depth--;
                    // a block opens a statement too, but not the braces of an annotation's array ({"help", "lines"})
                    if (c == ';' || c == '}' || c == '{' && depth == 0) statement = code.length();
                    i++;
                }
            }
            return found;
        }

        private static int count(String source, int from, int to) {
            int lines = 0;
            for (int i = from; i < to; i++) if (source.charAt(i) == '\n') lines++;
            return lines;
        }
    }
}
