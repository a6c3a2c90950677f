package io.policyengine.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.check.Example;
import io.policyengine.check.ExampleFiles;
import io.policyengine.examples.cli.PolicyCli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line (contract section 4), run in-process through {@link PolicyCli#run} exactly as the
 * launcher runs it: exit codes, what goes to stdout and stderr, and never a stack trace.
 */
public class CliTest {

    static final Path BUNDLED_PACK = ExampleClaimsTest.STORE_STANDARD_RULES;
    static final Path EXAMPLES = ExampleClaimsTest.CLAIMS.resolve("store-standard");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sample claim of contract section 1, pretty-printed as it is there. */
    public static final String SAMPLE = """
            {
              "id": "C-1001",
              "product": {
                "sku": "TV-55-X1",
                "category": "ELECTRONICS",
                "price": 3299.00,
                "saleType": "REGULAR",
                "customMade": false
              },
              "purchaseDate": "2026-03-01",
              "claimDate": "2026-03-09",
              "qualityDefect": true,
              "request": "REFUND",
              "condition": {
                "packaging": "INTACT",
                "accessoriesComplete": true,
                "warrantyCard": true,
                "usageTraces": false,
                "customerDamage": false
              }
            }
            """;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- decide: good input

    @Nested
    @DisplayName("decide")
    class Decide {

        @Test
        @DisplayName("--json on the contract's sample claim gives the contract's decision")
        void sampleClaim() {
            Path file = write("sample.json", SAMPLE);

            Run run = run("decide", "--json", file.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).hasSize(1);
            JsonNode d = parse(run.outLines().get(0));
            assertThat(d.get("claimId").asText()).isEqualTo("C-1001");
            assertThat(d.get("outcome").asText()).isEqualTo("REFUND");
            assertThat(texts(d.get("remedies"))).containsExactly("REFUND", "EXCHANGE", "FREE_REPAIR");
            assertThat(d.get("daysSincePurchase").asInt()).isEqualTo(8);
            assertThat(d.get("daysSincePurchase").isIntegralNumber()).isTrue();
            assertThat(d.has("repairDueDate")).as("repairDueDate is written, as null").isTrue();
            assertThat(d.get("repairDueDate").isNull()).isTrue();
            JsonNode reason = d.get("reasons").get(0);
            assertThat(reason.get("rule").asText()).isEqualTo("defect refund window");
            assertThat(reason.get("article").asText()).isEqualTo("7");
            assertThat(reason.get("effect").asText()).isEqualTo("GRANT");
            assertThat(reason.get("remedy").asText()).isEqualTo("REFUND");
            assertThat(reason.get("message").asText())
                    .isEqualTo("quality defect reported 8 days after purchase, within the 15-day refund window");
            assertThat(d.get("policy").get("name").asText()).isEqualTo("store-standard");
            assertThat(d.get("policy").get("version").asText()).isEqualTo("1");
        }

        @Test
        @DisplayName("a JSON array of claims: one decision per element, in order")
        void jsonArray() {
            Path file = write("claims.json", "[\n  " + claim("A1") + ",\n  " + claim("A2") + ",\n  " + claim("A3") + "\n]\n");

            Run run = run("decide", "--json", file.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(claimIds(run.outLines())).containsExactly("A1", "A2", "A3");
        }

        @Test
        @DisplayName("pretty-printed claims, one after the other")
        void prettyPrinted() {
            Path file = write("pretty.json", SAMPLE + SAMPLE.replace("C-1001", "C-1002"));

            Run run = run("decide", "--json", file.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(claimIds(run.outLines())).containsExactly("C-1001", "C-1002");
        }

        @Test
        @DisplayName("JSON Lines, blank lines skipped, CRLF line ends")
        void jsonLines() {
            Path file = write("claims.jsonl", claim("L1") + "\n\n" + claim("L2") + "\r\n" + claim("L3") + "\n");

            Run run = run("decide", "--json", file.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(claimIds(run.outLines())).containsExactly("L1", "L2", "L3");
        }

        @Test
        @DisplayName("'-' reads standard input, in its place among the files")
        void stdin() {
            Path before = write("before.jsonl", claim("F1") + "\n");
            Path after = write("after.jsonl", claim("F2") + "\n");

            Run run = runWithStdin(claim("S1") + "\n" + claim("S2") + "\n", "decide", "--json", before.toString(), "-", after.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(claimIds(run.outLines())).containsExactly("F1", "S1", "S2", "F2");
        }

        @Test
        @DisplayName("a bad line read from standard input is reported as <stdin>:LINE")
        void badStdin() {
            Run run = runWithStdin(claim("S1") + "\n{\"id\": \"S2\"}\n", "decide", "--json", "-");

            run.assertExit(2);
            assertThat(run.errLines()).containsExactly("<stdin>:2: product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: missing");
            assertThat(run.outLines()).hasSize(2);
            assertThat(parse(run.outLines().get(1))).isEqualTo(parse("{\"line\": 2, \"claimId\": \"S2\", \"error\": \"product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: missing\"}"));
        }

        @Test
        @DisplayName("the example files themselves can be decided")
        void exampleFiles() throws IOException {
            List<String> files = ExampleFiles.find(List.of(EXAMPLES)).stream().map(Path::toString).toList();

            Run run = run(Stream.concat(Stream.of("decide", "--json"), files.stream()).toArray(String[]::new));

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).hasSize(exampleCount());
        }

        @Test
        @DisplayName("without --json: a header line, then one row per claim")
        void table() {
            Path file = write("claims.jsonl", claim("T1") + "\n" + claim("T2", "\"claimDate\": \"2026-07-01\"") + "\n");

            Run run = run("decide", file.toString());

            run.assertExit(0).assertNoStderr();
            List<String> lines = run.outLines();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("CLAIM").contains("DAY", "OUTCOME", "ALLOWED", "REPAIR DUE", "WHY");
            assertThat(lines.get(1).split("\\s+")).startsWith("T1", "8", "REFUND");
            assertThat(lines.get(1)).endsWith("We will give you a refund by 2026-03-09.");  // no price: no amount (contract 11.2)
            assertThat(lines.get(2).split("\\s+")).startsWith("T2", "122", "PAID_REPAIR", "PAID_REPAIR", "2026-07-08");
        }

        @Test
        @DisplayName("--lang zh-CN: the outcome and remedy columns in the contract's fixed words (8.3), no code left")
        void chineseTableUsesTheFixedWords() {
            Path file = write("claims.jsonl", claim("T1") + "\n"
                    + claim("T2", "\"claimDate\": \"2026-07-01\"", "\"condition\": {\"customerDamage\": true}") + "\n"
                    + claim("T3", "\"qualityDefect\": false", "\"claimDate\": \"2026-03-20\"") + "\n");

            Run run = run("decide", "--lang", "zh-CN", file.toString());

            run.assertExit(0).assertNoStderr();
            List<String> lines = run.outLines();
            assertThat(lines.get(0).split("\\s+")).startsWith("单号", "天数", "结果", "可选处理");
            assertThat(lines.get(1).split("\\s+")).startsWith("T1", "8", "退货", "退货、换货、免费维修");
            assertThat(lines.get(2).split("\\s+")).startsWith("T2", "122", "收费维修", "收费维修");
            assertThat(lines.get(3).split("\\s+")).startsWith("T3", "19", "不予退换", "-");
            assertThat(run.out()).doesNotContainPattern("REFUND|EXCHANGE|FREE_REPAIR|PAID_REPAIR|REJECTED");
        }

        @Test
        @DisplayName("the table stays aligned with long ids, Chinese summaries and bidirectional characters in ids")
        void tableStaysAligned() {
            String longId = "ART13-PKG-MISSING-NODEFECT-DAY3-REJECTED-AND-EVEN-LONGER";
            Path file = write("claims.jsonl", claim("T1") + "\n" + claim(longId, "\"condition\": {\"packaging\": \"MISSING\"}") + "\n"
                    + claim("RTL\u202eDI", "\"claimDate\": \"2026-07-01\"") + "\n");

            for (String lang : List.of("en", "zh-CN")) {
                Run run = run("decide", "--lang", lang, file.toString());

                run.assertExit(0).assertNoStderr();
                List<String> lines = new java.util.ArrayList<>(run.outLines());
                assertThat(lines).hasSize(5);
                // a claim id longer than its column is never cut: it stands whole on a line of its own, above its row
                assertThat(lines.remove(2)).isEqualTo(longId);
                int whyColumn = displayWidth(lines.get(0).substring(0, lines.get(0).lastIndexOf(lang.equals("en") ? "WHY" : "说明")));
                for (String row : lines.subList(1, 4)) {
                    String why = lang.equals("en") ? row.substring(row.indexOf(row.contains("No refund") ? "No refund" : "We ")) : row.substring(row.indexOf(row.contains("不能") ? "不能" : row.contains("可为您") ? "可为您" : "为您"));
                    assertThat(displayWidth(row.substring(0, row.length() - why.length()))).as("WHY starts at column %d in %s", whyColumn, row).isEqualTo(whyColumn);
                }
                assertThat(lines.get(2)).startsWith(" ".repeat(30)).doesNotContain("…");
                assertThat(lines.get(3)).startsWith("RTL\\u202eDI").doesNotContain("\u202e");
            }
        }

        @Test
        @DisplayName("without --json a bad claim still takes its place between the rows")
        void tableWithBadInput() {
            Path file = write("claims.jsonl", claim("T1") + "\n" + "{\"id\": \"T2\"}\n" + claim("T3") + "\n");

            Run run = run("decide", file.toString());

            run.assertExit(2);
            assertThat(run.errLines()).containsExactly(file + ":2: product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: missing");
            List<String> lines = run.outLines();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("CLAIM");
            assertThat(lines.get(1)).startsWith("T1 ");
            assertThat(parse(lines.get(2)).get("error").asText()).isEqualTo("product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: missing");
            assertThat(lines.get(3)).startsWith("T3 ");
        }

        @Test
        @DisplayName("no FILE is a usage error")
        void noFile() {
            Run run = run("decide");

            run.assertExit(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Missing required parameter", "Usage: policy decide");
        }
    }

    // ---------------------------------------------------------------- decide: bad input

    /** name, the input's text, the error it must give, the claimId to report (null when not known). */
    public static Stream<Arguments> badClaims() {
        String deepArrays = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObject = "{\"id\": \"DEEP\", \"x\": " + "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000) + "}";
        return Stream.of(
                bad("not JSON", "this is not JSON", "not JSON: ", null),
                bad("missing id", claimWithout("id"), "id: missing", null),
                bad("blank id", claim("   "), "id: must not be blank", null),
                bad("null id", claim("X").replace("\"id\": \"X\"", "\"id\": null"), "id: missing", null),
                bad("id not a string", claim("X").replace("\"id\": \"X\"", "\"id\": 7"), "id: expected a string, got 7", null),
                bad("missing product", claimWithout("product"), "product: missing", "X"),
                bad("missing sku", claim("X").replace("\"sku\": \"S-1\", ", ""), "product.sku: missing", "X"),
                bad("blank sku", claim("X").replace("\"sku\": \"S-1\"", "\"sku\": \"\""), "product.sku: must not be blank", "X"),
                bad("missing purchaseDate", claimWithout("purchaseDate"), "purchaseDate: missing", "X"),
                bad("missing claimDate", claimWithout("claimDate"), "claimDate: missing", "X"),
                bad("impossible month", claim("X", "\"purchaseDate\": \"2026-13-01\""), "purchaseDate: 2026-13-01 is not a date: a year has months 01 to 12", "X"),
                bad("impossible day", claim("X", "\"claimDate\": \"2026-02-30\""), "claimDate: 2026-02-30 is not a date: February 2026 has 28 days", "X"),
                bad("not a leap year", claim("X", "\"claimDate\": \"2026-02-29\""), "claimDate: 2026-02-29 is not a date: February 2026 has 28 days", "X"),
                bad("date as a number", claim("X", "\"claimDate\": 20260112"),
                        "claimDate: expected a date string YYYY-MM-DD, got 20260112", "X"),
                bad("date in another format", claim("X", "\"claimDate\": \"09/03/2026\""),
                        "claimDate: expected a date string YYYY-MM-DD, got \"09/03/2026\"", "X"),
                bad("claim before purchase", claim("X", "\"claimDate\": \"2026-02-28\""),
                        "claimDate: 2026-02-28 is before purchaseDate 2026-03-01", "X"),
                bad("unknown request", claim("X", "\"request\": \"MONEY_BACK\""),
                        "request: expected one of REFUND, EXCHANGE, REPAIR, got \"MONEY_BACK\"", "X"),
                bad("lower-case enum", claim("X", "\"request\": \"refund\""),
                        "request: expected one of REFUND, EXCHANGE, REPAIR, got \"refund\"", "X"),
                bad("unknown saleType", claim("X").replace("\"sku\": \"S-1\"", "\"sku\": \"S-1\", \"saleType\": \"CLEARANCE\""),
                        "product.saleType: expected one of REGULAR, SPECIAL_PRICE, GIFT, got \"CLEARANCE\"", "X"),
                bad("unknown packaging", claim("X", "\"condition\": {\"packaging\": \"OPENED\"}"),
                        "condition.packaging: expected one of INTACT, DAMAGED, MISSING, got \"OPENED\"", "X"),
                bad("missing qualityDefect", claimWithout("qualityDefect"), "qualityDefect: missing", "X"),
                bad("qualityDefect not a boolean", claim("X", "\"qualityDefect\": \"yes\""),
                        "qualityDefect: expected true or false, got \"yes\"", "X"),
                bad("qualityDefect as a number", claim("X", "\"qualityDefect\": 1"),
                        "qualityDefect: expected true or false, got 1", "X"),
                bad("unknown field", claimWithout("qualityDefect").replaceFirst("}$", ", \"qualitydefect\": true}"),
                        "qualitydefect: unknown field", "X"),
                bad("unknown nested field", claim("X", "\"condition\": {\"scratched\": true}"),
                        "condition.scratched: unknown field", "X"),
                bad("negative price", claim("X").replace("\"sku\": \"S-1\"", "\"sku\": \"S-1\", \"price\": -1.50"),
                        "product.price: must be >= 0, got -1.50", "X"),
                bad("price as a string", claim("X").replace("\"sku\": \"S-1\"", "\"sku\": \"S-1\", \"price\": \"12\""),
                        "product.price: expected a number, got \"12\"", "X"),
                // contract 11.1: the money fields
                bad("open repair received after the claim", claim("X", "\"openRepair\": {\"receivedOn\": \"2026-03-10\", \"waitingFor\": \"PARTS\"}"),
                        "openRepair.receivedOn: 2026-03-10 is after claimDate 2026-03-09", "X"),
                bad("unknown waitingFor", claim("X", "\"openRepair\": {\"receivedOn\": \"2026-03-05\", \"waitingFor\": \"SUPPLIER\"}"),
                        "openRepair.waitingFor: expected one of PARTS, REPAIRER, got \"SUPPLIER\"", "X"),
                bad("repair received after it was completed", claim("X",
                                "\"repairHistory\": [{\"completedOn\": \"2026-03-04\", \"fault\": \"F\", \"receivedOn\": \"2026-03-05\"}]"),
                        "repairHistory[0].receivedOn: 2026-03-05 is after its completedOn 2026-03-04", "X"),
                bad("sameModelInStock not a boolean", claim("X", "\"sameModelInStock\": \"yes\""),
                        "sameModelInStock: expected true or false, got \"yes\"", "X"),
                bad("duplicate field", claim("X").replaceFirst("}$", ", \"qualityDefect\": false}"),
                        "qualityDefect: duplicate field", null),
                bad("a string, not a claim", "\"C-1\"", "claim: expected a JSON object, got a string", null),
                bad("JSON nested 100,000 levels deep (arrays)", deepArrays, "nested too deeply: more than 1000 levels", null),
                bad("JSON nested 100,000 levels deep (objects)", deepObject, "nested too deeply: more than 1000 levels", null));
    }

    private static Arguments bad(String name, String text, String error, String claimId) {
        return Arguments.of(name, text, error, claimId);
    }

    // Each run of the command line compiles the rules (about half a second), so each list of bad inputs
    // below is decided in one run, and each bad input is then checked as a test of its own.

    @TestFactory
    @DisplayName("each bad input alone in its file: one error line in its place on stdout, one FILE:LINE line on stderr, exit 2")
    Stream<DynamicTest> everyBadClaimAlone() {
        List<Arguments> cases = badClaims().toList();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) files.add(write("bad-" + i + ".json", cases.get(i).get()[1] + "\n"));

        Run run = run(Stream.concat(Stream.of("decide", "--json"), files.stream().map(Path::toString)).toArray(String[]::new));

        run.assertExit(2);
        assertThat(run.outLines()).hasSameSizeAs(cases);
        assertThat(run.errLines()).hasSameSizeAs(cases);
        return IntStream.range(0, cases.size()).mapToObj(i -> {
            Object[] c = cases.get(i).get();
            return DynamicTest.dynamicTest((String) c[0], () -> {
                String error = (String) c[2];
                String out = run.outLines().get(i);
                assertErrorLine(out, 1, (String) c[3], error);
                assertThat(run.errLines().get(i)).startsWith(files.get(i) + ":1: " + error)
                        .isEqualTo(files.get(i) + ":1: " + parse(out).get("error").asText());
            });
        });
    }

    @TestFactory
    @DisplayName("each bad input in a batch (good, bad, good, bad, ..., good): the good claims are still decided, in order")
    Stream<DynamicTest> everyBadClaimInABatch() {
        List<Arguments> cases = badClaims().toList();
        StringBuilder text = new StringBuilder(claim("GOOD-0")).append("\n");
        for (int i = 0; i < cases.size(); i++) {
            text.append(cases.get(i).get()[1]).append("\n").append(claim("GOOD-" + (i + 1))).append("\n");
        }
        Path file = write("batch.jsonl", text.toString());

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        List<String> out = run.outLines();
        assertThat(out).hasSize(2 * cases.size() + 1);
        assertThat(run.errLines()).hasSameSizeAs(cases);
        for (int i = 0; i <= cases.size(); i++) {
            assertThat(parse(out.get(2 * i)).get("claimId").asText()).as("line %d", 2 * i + 1).isEqualTo("GOOD-" + i);
        }
        return IntStream.range(0, cases.size()).mapToObj(i -> {
            Object[] c = cases.get(i).get();
            int line = 2 * i + 2;
            return DynamicTest.dynamicTest((String) c[0], () -> {
                String error = (String) c[2];
                assertErrorLine(out.get(line - 1), line, (String) c[3], error);
                assertThat(run.errLines().get(i)).startsWith(file + ":" + line + ": " + error)
                        .isEqualTo(file + ":" + line + ": " + parse(out.get(line - 1)).get("error").asText());
            });
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badClaimsForExitCodes")
    @DisplayName("a bad input alone gives exit 2 whatever its kind")
    void badClaimExitCode(String name, String text, String error, String claimId) {
        Path file = write("bad.jsonl", claim("GOOD-1") + "\n" + text + "\n");

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        assertThat(run.outLines()).hasSize(2);
        assertErrorLine(run.outLines().get(1), 2, claimId, error);
        assertThat(run.errLines()).hasSize(1);
    }

    /** One bad input of each kind of problem: not JSON, a missing field, a wrong value, too deep. */
    static Stream<Arguments> badClaimsForExitCodes() {
        Set<String> kinds = Set.of("not JSON", "missing id", "claim before purchase", "unknown field",
                "JSON nested 100,000 levels deep (objects)");
        return badClaims().filter(a -> kinds.contains((String) a.get()[0]));
    }

    @Test
    @DisplayName("an array of numbers: one error per element, and exit 2")
    void arrayOfNumbers() {
        Path file = write("numbers.json", "[1, 2]\n");

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        assertThat(run.outLines()).hasSize(2).allSatisfy(line ->
                assertErrorLine(line, 1, null, "claim: expected a JSON object, got a number"));
        assertThat(run.errLines()).containsExactly(
                file + ":1: claim: expected a JSON object, got a number",
                file + ":1: claim: expected a JSON object, got a number");
    }

    @Test
    @DisplayName("a bad element of an array is reported at its own line; the other elements are decided")
    void badArrayElement() {
        Path file = write("claims.json", "[\n  " + claim("A1") + ",\n  " + claim("A2", "\"request\": \"NOPE\"") + ",\n  " + claim("A3") + "\n]\n");

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        assertThat(run.outLines()).hasSize(3);
        assertThat(claimIds(run.outLines().subList(0, 1))).containsExactly("A1");
        assertErrorLine(run.outLines().get(1), 3, "A2", "request: expected one of REFUND, EXCHANGE, REPAIR, got \"NOPE\"");
        assertThat(claimIds(run.outLines().subList(2, 3))).containsExactly("A3");
        assertThat(run.errLines()).containsExactly(file + ":3: request: expected one of REFUND, EXCHANGE, REPAIR, got \"NOPE\"");
    }

    @Test
    @DisplayName("an empty file, a blank file, a missing file and a folder: line 0, and the other files are still decided")
    void badFiles() {
        Path good1 = write("good1.jsonl", claim("G1") + "\n");
        Path empty = write("empty.json", "");
        Path blank = write("blank.json", "  \n\t\r\n");
        Path missing = dir.resolve("missing.json");
        Path good2 = write("good2.jsonl", claim("G2") + "\n");

        Run run = run("decide", "--json", good1.toString(), empty.toString(), blank.toString(), missing.toString(),
                dir.toString(), good2.toString());

        run.assertExit(2);
        List<String> out = run.outLines();
        assertThat(out).hasSize(6);
        assertThat(parse(out.get(0)).get("claimId").asText()).isEqualTo("G1");
        assertErrorLine(out.get(1), 0, null, "empty input: no claims");
        assertErrorLine(out.get(2), 0, null, "empty input: no claims");
        assertErrorLine(out.get(3), 0, null, "no such file");
        assertErrorLine(out.get(4), 0, null, "is a directory");
        assertThat(parse(out.get(5)).get("claimId").asText()).isEqualTo("G2");
        assertThat(run.errLines()).containsExactly(
                empty + ":0: empty input: no claims",
                blank + ":0: empty input: no claims",
                missing + ":0: no such file",
                dir + ":0: is a directory");
    }

    @Test
    @DisplayName("a pretty-printed file with a syntax error ends at the error's line, after the claims before it")
    void prettyPrintedSyntaxError() {
        Path file = write("pretty.json", SAMPLE + "{\n  \"id\": \"C-2\",\n  \"product\": {\"sku\": \"S\"},,\n}\n");

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        assertThat(claimIds(run.outLines().subList(0, 1))).containsExactly("C-1001");
        assertThat(run.outLines()).hasSize(2);
        int line = SAMPLE.split("\n").length + 3;
        assertThat(parse(run.outLines().get(1)).get("line").asInt()).isEqualTo(line);
        assertThat(parse(run.outLines().get(1)).get("error").asText()).startsWith("not JSON: ");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith(file + ":" + line + ": not JSON: ");
    }

    @Test
    @DisplayName("a field name with a line break still gives exactly one stderr line")
    void lineBreakInAFieldName() {
        Path file = write("bad.jsonl", claim("X").replaceFirst("}$", ", \"bad\\\\nfield\": 1}") + "\n");

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        assertThat(run.outLines()).hasSize(1);
        assertThat(parse(run.outLines().get(0)).get("error").asText()).as("the field's name on one line, its line break escaped").startsWith("bad\\nfield: unknown field");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith(file + ":1: bad\\nfield: unknown field");
    }

    @Test
    @DisplayName("a claim id with a line break keeps the table one row per claim")
    void lineBreakInAClaimId() {
        Path file = write("claims.jsonl", claim("A\\nB") + "\n");

        Run run = run("decide", file.toString());

        run.assertExit(0).assertNoStderr();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(1)).startsWith("A\\nB ");
    }

    @Test
    @DisplayName("a huge negative price is reported in a short message")
    // -1e999999999 used to be written out in full: a billion digits, and the JVM out of memory
    void hugeNegativePrice() {
        Path file = write("bad.jsonl", claim("X").replace("\"sku\": \"S-1\"", "\"sku\": \"S-1\", \"price\": -1e999999") + "\n");

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        assertThat(run.out().length()).isLessThan(200);
        assertErrorLine(run.outLines().get(0), 1, "X", "product.price: must be >= 0, got -1");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err().length()).isLessThan(300);
    }

    @Test
    @DisplayName("a line that is not UTF-8 costs only itself in JSON Lines")
    void notUtf8Line() throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        byte[] bad = (claim("B") + "\n").replace("\"B\"", "\"B\u0001\"").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bad.length; i++) if (bad[i] == 1) bad[i] = (byte) 0xFF;
        try (var out = Files.newOutputStream(file)) {
            out.write((claim("A") + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(bad);
            out.write((claim("C") + "\n").getBytes(StandardCharsets.UTF_8));
        }

        Run run = run("decide", "--json", file.toString());

        run.assertExit(2);
        assertThat(run.outLines()).hasSize(3);
        assertThat(parse(run.outLines().get(0)).get("claimId").asText()).isEqualTo("A");
        assertErrorLine(run.outLines().get(1), 2, null, "not valid UTF-8");
        assertThat(parse(run.outLines().get(2)).get("claimId").asText()).isEqualTo("C");
        assertThat(run.errLines()).containsExactly(file + ":2: not valid UTF-8");
    }

    // ---------------------------------------------------------------- validate, and broken rules

    @Nested
    @DisplayName("validate")
    class Validate {

        @Test
        @DisplayName("the bundled pack is valid: exit 0")
        void bundledPack() {
            Run run = run("validate", BUNDLED_PACK.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).last().asString().startsWith(BUNDLED_PACK + ": valid");
        }

        @Test
        @DisplayName("a DRL syntax error is FILE:LINE: message, exit 1; decide --rules on it exits 2 with the same line")
        void syntaxError() {
            Path broken = brokenCopy();
            String where = brokenFile + ":" + brokenLine + ": ";

            Run validate = run("validate", broken.toString());

            validate.assertExit(1);
            assertThat(validate.outLines()).anySatisfy(line -> assertThat(line).startsWith(where));
            for (String line : validate.outLines()) {
                if (line.startsWith(broken + ": ")) continue; // the summary line
                Matcher m = PROBLEM.matcher(line);
                assertThat(m.matches()).as("FILE:LINE: message, got %s", line).isTrue();
                assertThat(Integer.parseInt(m.group(2))).as("line of %s", line).isPositive();
            }
            assertThat(validate.outLines()).last().asString().startsWith(broken + ": ").contains("error");
            String problem = validate.outLines().stream().filter(l -> l.startsWith(where)).findFirst().orElseThrow();

            Path claims = write("claims.jsonl", claim("X") + "\n");
            Run decide = run("decide", "--rules", broken.toString(), "--json", claims.toString());

            decide.assertExit(2);
            assertThat(decide.out()).isEmpty();
            assertThat(decide.errLines()).contains(problem);
        }

        @Test
        @DisplayName("a folder with a syntax error and no sentence file: both in one run, FILE:LINE, the count at the end")
        void syntaxErrorAndNoSentenceFile() {
            Path folder = dir.resolve("broken");
            Path drl = folder.resolve("broken.drl");
            try {
                Files.createDirectories(folder);
                Files.writeString(drl, "package broken;\n\nrule \"broken\"\nwhen\n    $x : String( length > )\nthen\nend\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }

            Run run = run("validate", folder.toString());

            run.assertExit(1);
            assertThat(run.outLines()).hasSize(3);
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(folder + ": holds no sentences.LANG.txt file"));
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(drl + ":5: "));
            assertThat(run.outLines()).last().isEqualTo(folder + ": 2 error(s)");
        }

        @Test
        @DisplayName("a syntax error, a sentence naming a param its rule does not give and a rule without a sentence: all in one run")
        void syntaxAndSentenceErrorsTogether() throws IOException {
            Path broken = brokenCopy();
            Path english = find(broken, "sentences.en.txt");
            String sentences = Files.readString(english);
            Files.writeString(english, sentences
                    .replace("within the {refundDays}-day refund window\n", "within the {refundWindow}-day refund window\n")
                    .replaceFirst("(?m)^incomplete accessories exclude refund and exchange = .*\n", ""));

            Run run = run("validate", broken.toString());

            run.assertExit(1);
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(brokenFile + ":" + brokenLine + ": "));
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(english + ":").contains("{refundWindow}"));
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches(".*exclusions\\.drl:\\d+: .*")
                    .contains("\"incomplete accessories exclude refund and exchange\" has no sentence in sentences.en.txt"));
            assertThat(run.outLines()).last().isEqualTo(broken + ": 3 error(s)");
        }

        @Test
        @DisplayName("a term that cannot be right and a sentence error: both in one run")
        void termAndSentenceErrorsTogether() throws IOException {
            Path copy = copyOfBundledPack("bad-terms");
            Path pack = find(copy, "pack.drl");
            Files.writeString(pack, Files.readString(pack).replace("defectExchangeDays : int = 30", "defectExchangeDays : int = 10"));
            Path chinese = find(copy, "sentences.zh-CN.txt");
            Files.writeString(chinese, Files.readString(chinese) + "\n[reasons]\nno such rule = 没有这条规则\n");

            Run run = run("validate", copy.toString());

            run.assertExit(1);
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(pack + ":").contains("defectExchangeDays = 10 ends before"));
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(chinese + ":")
                    .contains("a sentence for rule \"no such rule\", which this pack does not have"));
            assertThat(run.outLines()).last().asString().startsWith(copy + ": ").endsWith(" error(s)");
        }

        @Test
        @DisplayName("a missing folder: exit 2")
        void missingFolder() {
            Path missing = dir.resolve("no-such-rules");

            Run run = run("validate", missing.toString());

            run.assertExit(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).containsExactly(missing + ": no such folder");
        }

        @Test
        @DisplayName("decide --rules on a missing folder: exit 2, one line")
        void decideWithMissingRules() {
            Path missing = dir.resolve("no-such-rules");
            Path claims = write("claims.jsonl", claim("X") + "\n");

            Run run = run("decide", "--rules", missing.toString(), claims.toString());

            run.assertExit(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).hasSize(1).first().asString().startsWith(missing.toString());
        }

        @Test
        @DisplayName("no DIR: a usage error, exit 2")
        void noArgument() {
            Run run = run("validate");

            run.assertExit(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Missing required parameter: 'DIR'", "Usage: policy validate");
        }
    }

    private static final Pattern PROBLEM = Pattern.compile("(.+\\.drl):(\\d+): (.+)");
    /** Where {@link #brokenCopy} put its syntax error. */
    private Path brokenFile;
    private int brokenLine;

    /** A copy of the bundled pack with a syntax error at {@link #brokenLine} of requests.drl. */
    private Path brokenCopy() {
        Path copy = copyOfBundledPack("broken-rules");
        try {
            Path requests = find(copy, "requests.drl");
            brokenFile = requests;
            String text = Files.readString(requests);
            if (!text.endsWith("\n")) text += "\n";
            int lines = (int) text.chars().filter(c -> c == '\n').count();
            Files.writeString(requests, text + "rule \"broken on purpose\"\nwhen\n    Claim( qualityDefect == )\nthen\nend\n");
            brokenLine = lines + 3;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** A copy of the bundled store-standard rule files in the temp folder. */
    private Path copyOfBundledPack(String name) {
        Path copy = dir.resolve(name);
        try (Stream<Path> files = Files.walk(BUNDLED_PACK)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(BUNDLED_PACK.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private static Path find(Path folder, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().equals(fileName)).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no " + fileName + " in " + folder));
        }
    }

    // ---------------------------------------------------------------- test

    @Nested
    @DisplayName("test")
    class RunExamples {

        @Test
        @DisplayName("the bundled examples all pass: N passed, 0 failed, exit 0")
        void bundledExamples() throws IOException {
            Run run = run("test", EXAMPLES.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).containsExactly(exampleCount() + " passed, 0 failed");
        }

        @Test
        @DisplayName("the stacked examples pass with --floor cn-consumer-law")
        void stackedExamples() throws IOException {
            Path stacked = ExampleClaimsTest.CLAIMS.resolve("store-standard-with-cn-consumer-law");
            if (!Files.isDirectory(stacked)) return;

            Run run = run("test", "--floor", "cn-consumer-law", stacked.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).containsExactly(exampleCount(stacked) + " passed, 0 failed");
        }

        @Test
        @DisplayName("--floor naming no bundled pack or folder: exit 2, one line")
        void unknownFloor() {
            Run run = run("test", "--floor", "no-such-law", EXAMPLES.toString());

            run.assertExit(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).hasSize(1).first().asString().startsWith("no-such-law: ");
        }

        @Test
        @DisplayName("a wrong expectation: FAIL with the claim id, file:line, expected and actual; exit 1")
        void wrongExpectation() {
            Path file = write("wrong.jsonl", "\n" + example(claim("W-1"), "{\"outcome\": \"EXCHANGE\", \"daysSincePurchase\": 8}") + "\n");

            Run run = run("test", file.toString());

            run.assertExit(1).assertNoStderr();
            List<String> out = run.outLines();
            assertThat(out.get(0)).isEqualTo("FAIL W-1 (" + file + ":2)");
            assertThat(out).anySatisfy(line -> assertThat(line.trim().split("\\s+")).containsExactly("outcome", "EXCHANGE", "REFUND"));
            assertThat(out).noneSatisfy(line -> assertThat(line).contains("daysSincePurchase"));
            assertThat(out).last().isEqualTo("0 passed, 1 failed");
        }

        @Test
        @DisplayName("a wrong reason expectation shows the reasons the decision did give")
        void wrongReason() {
            Path file = write("wrong.jsonl", example(claim("W-2"), "{\"reasons\": [{\"article\": \"8\", \"effect\": \"GRANT\"}]}") + "\n"
                    + example(claim("W-3"), "{\"outcome\": \"REFUND\"}") + "\n");

            Run run = run("test", file.toString());

            run.assertExit(1).assertNoStderr();
            assertThat(run.outLines().get(0)).isEqualTo("FAIL W-2 (" + file + ":1)");
            assertThat(run.out()).contains("a reason with article=8, effect=GRANT", "art. 7 GRANT REFUND (defect refund window)");
            assertThat(run.outLines()).last().isEqualTo("1 passed, 1 failed");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.policyengine.examples.CliTest#namedBadExpectations")
        @DisplayName("an expectation that cannot be read is FILE:LINE: message, not a pass; exit 2")
        void badExpectation(String expect, String message) {
            Path file = write("bad.jsonl", example(claim("G-1"), "{\"outcome\": \"REFUND\"}") + "\n"
                    + example(claim("B-1"), expect) + "\n");

            Run run = run("test", file.toString());

            run.assertExit(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.errLines().get(0)).startsWith(file + ":2: " + message);
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR " + file + ":2: " + message));
            assertThat(run.outLines()).noneSatisfy(line -> assertThat(line).contains("B-1"));
            assertThat(run.outLines()).last().isEqualTo("1 passed, 1 failed");
        }

        @Test
        @DisplayName("more expectations that cannot be read: each is FILE:LINE: message; exit 2")
        void otherBadExpectations() {
            List<Arguments> cases = CliTest.moreBadExpectations().toList();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < cases.size(); i++) text.append(example(claim("B-" + i), (String) cases.get(i).get()[0])).append("\n");
            Path file = write("bad.jsonl", text.toString());

            Run run = run("test", file.toString());

            run.assertExit(2);
            assertThat(run.errLines()).hasSameSizeAs(cases);
            for (int i = 0; i < cases.size(); i++) {
                assertThat(run.errLines().get(i)).startsWith(file + ":" + (i + 1) + ": " + cases.get(i).get()[1]);
            }
            assertThat(run.outLines()).last().isEqualTo("0 passed, " + cases.size() + " failed");
        }

        @Test
        @DisplayName("a bad claim in an example is FILE:LINE: message; exit 2")
        void badClaimInExample() {
            Path file = write("bad.jsonl", example(claim("X", "\"qualityDefect\": \"yes\""), "{\"outcome\": \"REFUND\"}") + "\n");

            Run run = run("test", file.toString());

            run.assertExit(2);
            assertThat(run.errLines()).containsExactly(file + ":1: qualityDefect: expected true or false, got \"yes\"");
            assertThat(run.outLines()).last().isEqualTo("0 passed, 1 failed");
        }

        @Test
        @DisplayName("a missing file is bad input; exit 2")
        void missingFile() {
            Path missing = dir.resolve("missing.jsonl");

            Run run = run("test", missing.toString());

            run.assertExit(2);
            assertThat(run.errLines()).containsExactly(missing + ":0: no such file");
            assertThat(run.outLines()).last().isEqualTo("0 passed, 1 failed");
        }

        @Test
        @DisplayName("--rules with a changed term: the examples that depend on it fail")
        void changedTerm() throws IOException {
            Path copy = copyOfBundledPack("rules");
            Path pack = find(copy, "pack.drl");
            String text = Files.readString(pack);
            assertThat(text).contains("defectRefundDays   : int = 15");
            Files.writeString(pack, text.replace("defectRefundDays   : int = 15", "defectRefundDays   : int = 14"));
            Path file = write("day15.jsonl", example(claim("D15", "\"claimDate\": \"2026-03-16\""), "{\"outcome\": \"REFUND\"}") + "\n");

            Run run = run("test", "--rules", copy.toString(), file.toString());

            run.assertExit(1).assertNoStderr();
            assertThat(run.outLines().get(0)).isEqualTo("FAIL D15 (" + file + ":1)");
            assertThat(run.outLines()).last().isEqualTo("0 passed, 1 failed");
        }
    }

    /** The two of the brief: a misspelt field and an impossible value. */
    static Stream<Arguments> namedBadExpectations() {
        return Stream.of(
                Arguments.of("{\"outcom\": \"REFUND\"}", "expect.outcom: unknown field"),
                Arguments.of("{\"outcome\": \"REFUNDED\"}",
                        "expect.outcome: expected one of REFUND, EXCHANGE, FREE_REPAIR, PAID_REPAIR, REJECTED, got \"REFUNDED\""));
    }

    static Stream<Arguments> moreBadExpectations() {
        return Stream.of(
                Arguments.of("{\"remedies\": [\"REFUND\", \"MONEY\"]}", "expect.remedies[1]: expected one of "),
                Arguments.of("{\"repairDueDate\": \"2026-02-30\"}", "expect.repairDueDate: "),
                Arguments.of("{\"daysSincePurchase\": -1}", "expect.daysSincePurchase: "),
                Arguments.of("{\"reasons\": [{\"articel\": \"7\"}]}", "expect.reasons[0].articel: unknown field"),
                Arguments.of("\"REFUND\"", "expect: "));
    }

    // ---------------------------------------------------------------- explain

    @Nested
    @DisplayName("explain")
    class Explain {

        private final String day20 = claim("D20", "\"claimDate\": \"2026-03-21\"", "\"request\": \"REFUND\"");

        @Test
        @DisplayName("a day-20 defect REFUND request: the rules in firing order, their terms, and why the request is not met")
        void day20Refund() {
            Path file = write("d20.json", day20 + "\n");

            Run run = run("explain", file.toString());

            run.assertExit(0).assertNoStderr();
            String out = run.out();
            assertThat(out).contains("D20", "day 20");
            int exchange = out.indexOf("defect exchange window");
            int refundLate = out.indexOf("refund requested after the defect refund window");
            assertThat(exchange).as("defect exchange window is shown").isNotNegative();
            assertThat(refundLate).as("the late-refund rule is shown after it").isGreaterThan(exchange);
            assertThat(out).contains("defectRefundDays=15", "defectExchangeDays=30");
            assertThat(out).contains("grants EXCHANGE, FREE_REPAIR", "excludes REFUND");
            assertThat(out).contains("outcome: EXCHANGE");
            assertThat(out).contains("the request for REFUND is not met");
            List<String> steps = run.outLines().stream().filter(l -> l.matches("\\s+\\d+\\. .*")).toList();
            assertThat(steps).isNotEmpty();
            for (int i = 0; i < steps.size(); i++) assertThat(steps.get(i).trim()).startsWith((i + 1) + ". ");
        }

        @Test
        @DisplayName("--json: one parseable JSON object per claim, the rules in firing order")
        void json() {
            Path file = write("claims.jsonl", day20 + "\n" + claim("D8") + "\n");

            Run run = run("explain", "--json", file.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).hasSize(2);
            JsonNode first = parse(run.outLines().get(0));
            assertThat(first.get("claimId").asText()).isEqualTo("D20");
            List<String> rules = new ArrayList<>();
            first.get("firedRules").forEach(r -> rules.add(r.get("rule").asText()));
            assertThat(rules).containsSubsequence("defect exchange window", "refund requested after the defect refund window");
            JsonNode late = first.get("firedRules").get(rules.indexOf("refund requested after the defect refund window"));
            assertThat(late.get("terms").get("defectRefundDays").asInt()).isEqualTo(15);
            assertThat(first.get("decision").get("outcome").asText()).isEqualTo("EXCHANGE");
            assertThat(parse(run.outLines().get(1)).get("claimId").asText()).isEqualTo("D8");
        }

        @Test
        @DisplayName("--lang zh-CN: headings, labels, rule titles, citations and fixed words in Chinese; --json keeps the rule's name")
        void inChinese() {
            Path file = write("d20.json", day20 + "\n");

            Run run = run("explain", "--lang", "zh-CN", file.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.out()).contains("D20：购买后第20天（2026年3月1日至2026年3月21日），有质量问题，要求退货",
                    "质量问题换货期限（第八条）", "准予换货、免费维修：", "排除退货：", "可选处理：换货、免费维修", "结果：换货",
                    "顾客要求的退货不能满足：第七条：", "摘要：不能退货");
            assertThat(run.out()).doesNotContain("day 20", "grants", "excludes", "allowed:", "outcome:", "art.", "REFUND",
                    "defect exchange window");

            Run json = run("explain", "--lang", "zh-CN", "--json", file.toString());
            JsonNode exchange = parse(json.outLines().get(0)).get("firedRules").get(0);
            assertThat(exchange.get("rule").asText()).isEqualTo("defect exchange window");
            assertThat(exchange.get("title").asText()).isEqualTo("质量问题换货期限");
            assertThat(exchange.get("citation").asText()).isEqualTo("第八条");
            assertThat(exchange.get("reasons").get(0).get("citation").asText()).isEqualTo("第八条");
        }

        @Test
        @DisplayName("bad input: the error line in its place, FILE:LINE on stderr, exit 2")
        void badInput() {
            Path file = write("claims.jsonl", day20 + "\n" + "{\"id\": \"B\"}\n");

            Run run = run("explain", "--json", file.toString());

            run.assertExit(2);
            assertThat(run.outLines()).hasSize(2);
            assertErrorLine(run.outLines().get(1), 2, "B", "product: missing");
            assertThat(run.errLines()).containsExactly(file + ":2: product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: missing");
        }
    }

    // ---------------------------------------------------------------- the command line itself

    @Test
    @DisplayName("no command, an unknown command, an unknown option: usage on stderr, exit 2")
    void usageErrors() {
        for (String[] args : List.of(new String[0], new String[] {"nosuch"}, new String[] {"decide", "--bogus", "x"},
                new String[] {"explain", "a", "b"})) {
            Run run = run(args);
            run.assertExit(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Usage: policy");
        }
    }

    @Test
    @DisplayName("--help: exit 0")
    void help() {
        Run run = run("--help");

        run.assertExit(0).assertNoStderr();
        assertThat(run.out()).contains("decide", "validate", "test", "explain");
    }

    // ---------------------------------------------------------------- helpers

    /** What one run of the command line did. Construction fails on any stack trace. */
    record Run(int exit, String out, String err) {
        Run {
            for (String text : List.of(out, err)) {
                assertThat(text).as("no stack trace or exception name in the output:%n%s", text)
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
        }

        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }

        Run assertExit(int expected) {
            assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(expected);
            return this;
        }

        Run assertNoStderr() {
            assertThat(err).as("stderr").isEmpty();
            return this;
        }

        /** The text's lines, without their line breaks; a last line break ends the last line. */
        private static List<String> lines(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            return lines;
        }
    }

    static Run run(String... args) {
        return runWithStdin("", args);
    }

    static Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PolicyCli.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-line claim, day 8 after purchase with a defect; {@code fields} are added or replace the defaults. */
    static String claim(String id, String... fields) {
        StringBuilder text = new StringBuilder("{\"id\": \"" + id + "\", \"product\": {\"sku\": \"S-1\", \"category\": \"ELECTRONICS\"}");
        List<String> defaults = List.of("\"purchaseDate\": \"2026-03-01\"", "\"claimDate\": \"2026-03-09\"", "\"qualityDefect\": true");
        for (String field : defaults) {
            String name = field.substring(0, field.indexOf(':'));
            text.append(", ").append(Stream.of(fields).filter(f -> f.startsWith(name + ":")).findFirst().orElse(field));
        }
        for (String field : fields) {
            String name = field.substring(0, field.indexOf(':'));
            if (defaults.stream().noneMatch(d -> d.startsWith(name + ":"))) text.append(", ").append(field);
        }
        return text.append("}").toString();
    }

    /** A claim without one of its top-level fields. */
    static String claimWithout(String field) {
        String full = claim("X");
        return full.replaceAll(", \"" + field + "\": (\\{[^}]*}|\"[^\"]*\"|true|false)", "")
                .replaceAll("\\{\"" + field + "\": \"[^\"]*\", ", "{");
    }

    static String example(String claim, String expect) {
        return "{\"claim\": " + claim + ", \"expect\": " + expect + "}";
    }

    private static int exampleCount() {
        return exampleCount(EXAMPLES);
    }

    private static int exampleCount(Path folder) {
        try {
            int n = 0;
            for (Path file : ExampleFiles.find(List.of(folder))) {
                for (Example example : ExampleFiles.read(file)) if (example.error() == null) n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> claimIds(List<String> lines) {
        return lines.stream().map(l -> {
            JsonNode node = parse(l);
            assertThat(node.has("error")).as("a decision, not an error: %s", l).isFalse();
            return node.get("claimId").asText();
        }).toList();
    }

    /** An error line {@code {"line": N, "claimId": ..., "error": ...}}; {@code error} is its exact text or its start. */
    private static void assertErrorLine(String text, int line, String claimId, String error) {
        JsonNode node = parse(text);
        assertThat(node.get("line").asInt()).as("line of %s", text).isEqualTo(line);
        if (claimId == null) {
            assertThat(node.has("claimId")).as("no claimId in %s", text).isFalse();
        } else {
            assertThat(node.get("claimId").asText()).as("claimId of %s", text).isEqualTo(claimId);
        }
        assertThat(node.get("error").asText()).as("error of %s", text).startsWith(error);
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(claimId == null ? List.of("line", "error") : List.of("line", "claimId", "error"));
    }

    /** Terminal columns: a Chinese character takes two. */
    static int displayWidth(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
    }
}
