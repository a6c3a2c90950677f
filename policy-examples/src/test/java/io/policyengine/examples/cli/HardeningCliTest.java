package io.policyengine.examples.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.policyengine.examples.cli.Cli.claim;
import static io.policyengine.examples.cli.Cli.example;
import static io.policyengine.examples.cli.Cli.run;
import static io.policyengine.examples.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless policy author or a hostile file gets from the command line: one line naming the
 * claim, the field or FILE:LINE, never a stack trace, and every other claim still decided.
 */
class HardeningCliTest {
    /** Throws for a claim without a category: a null met by a condition. */
    private static final String NULL_CATEGORY = """
            package packs.storestandard;
            import io.policyengine.model.*;

            rule "long category names are suspicious"
                @article("7")
            when
                $claim : Claim( product.category.length() > 40 )
            then
            end
            """;
    /** Keeps firing for the claim LOOP. */
    private static final String LOOP = """
            package packs.storestandard;
            import io.policyengine.model.*;

            declare Counter
                n : int
            end

            rule "count up"
                @article("7")
            when
                Claim( id == "LOOP" )
                not Counter()
            then
                insert( new Counter( 1 ) );
            end

            rule "count again"
                @article("7")
            when
                $c : Counter()
            then
                delete( $c );
                insert( new Counter( $c.getN() + 1 ) );
            end
            """;
    private static final List<String> JAVA_NAMES = List.of("Exception", "Error:", "\tat ", "ALLOW_", "FAIL_ON", "Feature",
            "StreamReadConstraints", "com.fasterxml", "org.drools", "org.kie", "java.");

    @TempDir
    Path dir;

    @Test
    @DisplayName("finding 1: a rule that keeps firing costs its claim only, named with the rule's FILE:LINE; exit 2")
    void ruleThatKeepsFiring() {
        Path rules = Cli.packWith(dir.resolve("rules"), "loop.drl", LOOP);
        Path claims = write(dir.resolve("claims.jsonl"), claim("A") + "\n" + claim("LOOP") + "\n" + claim("B") + "\n");

        Cli.Run run = run("decide", "--json", "--rules", rules.toString(), claims.toString());

        assertClean(run);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(claims + ":2: " + rules.resolve("loop.drl") + ":17: rule \"count again\" kept firing "
                + "for claim LOOP: stopped after 10000 firings (the firing limit, pack term maxFiringsPerClaim); "
                + "a rule whose consequence makes it or another rule match again never ends");
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).startsWith("{\"claimId\":\"A\"");
        assertThat(run.outLines().get(1)).startsWith("{\"line\":2,\"claimId\":\"LOOP\",\"error\":");
        assertThat(run.outLines().get(2)).startsWith("{\"claimId\":\"B\"");

        Cli.Run limited = run("decide", "--json", "--max-firings", "30", "--rules", rules.toString(), claims.toString());
        assertThat(limited.err()).contains("stopped after 30 firings");
    }

    @Test
    @DisplayName("finding 2: a rule that throws for one claim: that claim's line names it, the other files are decided")
    void ruleThatThrowsForOneClaim() {
        Path rules = Cli.packWith(dir.resolve("rules"), "suspicious.drl", NULL_CATEGORY);
        Path first = write(dir.resolve("first.jsonl"), claim("A") + "\n"
                + "{\"id\": \"NO-CAT\", \"product\": {\"sku\": \"S\"}, \"purchaseDate\": \"2026-03-01\", \"claimDate\": \"2026-03-09\", \"qualityDefect\": true}\n");
        Path second = write(dir.resolve("second.jsonl"), claim("C") + "\n");

        Cli.Run run = run("decide", "--json", "--rules", rules.toString(), first.toString(), second.toString());

        assertClean(run);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(first + ":2: " + rules.resolve("suspicious.drl")
                + ":4: rule \"long category names are suspicious\" failed for claim NO-CAT: its condition "
                + "'product.category.length() > 40' reads a value the claim does not have (null)");
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(2)).startsWith("{\"claimId\":\"C\"");
    }

    @Test
    @DisplayName("finding 2: test counts a rule failure as a failure and still prints its summary line")
    void testCountsARuleFailure() {
        Path rules = Cli.packWith(dir.resolve("rules"), "suspicious.drl", NULL_CATEGORY);
        String noCategory = "{\"id\": \"NO-CAT\", \"product\": {\"sku\": \"S\"}, \"purchaseDate\": \"2026-03-01\", "
                + "\"claimDate\": \"2026-03-09\", \"qualityDefect\": true}";
        Path examples = write(dir.resolve("examples.jsonl"), example(claim("A"), "REFUND") + "\n" + example(noCategory, "REFUND") + "\n");

        Cli.Run run = run("test", "--rules", rules.toString(), examples.toString());

        assertClean(run);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.outLines()).last().isEqualTo("1 passed, 1 failed");
        assertThat(run.out()).contains("ERROR " + examples + ":2: " + rules.resolve("suspicious.drl") + ":4: rule");
    }

    @Test
    @DisplayName("finding 3: a truncated first record of JSON Lines costs only its line")
    void truncatedFirstRecord() {
        Path claims = write(dir.resolve("claims.jsonl"), "{\"id\": \"T\", \"product\": {\"sku\": \"S-1\", \"categ\n"
                + claim("A") + "\n" + claim("B") + "\n");

        Cli.Run run = run("decide", "--json", claims.toString());

        assertClean(run);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).startsWith("{\"line\":1,\"error\":\"not JSON: ");
        assertThat(run.outLines().get(1)).startsWith("{\"claimId\":\"A\"");
        assertThat(run.outLines().get(2)).startsWith("{\"claimId\":\"B\"");
    }

    @Test
    @DisplayName("finding 3: a first line that is not UTF-8 costs only itself")
    void firstLineNotUtf8() {
        byte[] bad = "{\"id\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = (claim("A") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, both, 0, bad.length);
        System.arraycopy(good, 0, both, bad.length, good.length);
        Path claims = write(dir.resolve("claims.jsonl"), both);

        Cli.Run run = run("decide", "--json", claims.toString());

        assertThat(run.errLines()).containsExactly(claims + ":1: not valid UTF-8");
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(1)).startsWith("{\"claimId\":\"A\"");
    }

    @Test
    @DisplayName("finding 4: test is as strict as decide: one example a line, no comments, a folder without examples is an error")
    void testIsAsStrictAsDecide() {
        String good = example(claim("A"), "REFUND");
        Path examples = write(dir.resolve("examples.jsonl"), good + " " + good + "\n" + good + " // day 8\n" + good + "\n");

        Cli.Run test = run("test", examples.toString());
        Cli.Run decide = run("decide", "--json", examples.toString());

        assertClean(test);
        assertThat(test.exit()).isEqualTo(2);
        assertThat(test.errLines()).containsExactly(
                examples + ":1: not JSON: more than one value on the line",
                examples + ":2: not JSON: Unexpected character ('/'): comments are not allowed in JSON");
        assertThat(test.outLines()).last().isEqualTo("1 passed, 2 failed");
        assertThat(decide.errLines()).isEqualTo(test.errLines());

        Path empty = dir.resolve("empty");
        write(dir.resolve("notes.txt"), "not an example");
        assertThat(empty.toFile().mkdir()).isTrue();
        Cli.Run none = run("test", empty.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.errLines()).containsExactly(empty + ":0: holds no example files (*.jsonl)");
    }

    @Test
    @DisplayName("finding 4: a note on an example line is accepted by test, decide and explain alike")
    void noteOnAnExample() {
        Path examples = write(dir.resolve("examples.jsonl"),
                "{\"note\": \"day 8, defect\", \"claim\": " + claim("A") + ", \"expect\": {\"outcome\": \"REFUND\"}}\n");

        assertThat(run("test", examples.toString()).exit()).isZero();
        assertThat(run("decide", "--json", examples.toString()).exit()).isZero();
        assertThat(run("explain", examples.toString()).exit()).isZero();
    }

    @Test
    @DisplayName("finding 5: a byte-order mark is accepted and a Latin-1 line costs only itself, in example files as in claims")
    void encodingsOfExampleFiles() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] first = (example(claim("A"), "REFUND") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = (example(claim("Caf\u00e9"), "REFUND") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] third = (example(claim("C"), "REFUND") + "\n").getBytes(StandardCharsets.UTF_8);
        Path examples = write(dir.resolve("examples.jsonl"), concat(bom, first, latin1, third));

        Cli.Run test = run("test", examples.toString());
        Cli.Run decide = run("decide", "--json", examples.toString());

        assertThat(test.errLines()).containsExactly(examples + ":2: not valid UTF-8");
        assertThat(test.outLines()).last().isEqualTo("2 passed, 1 failed");
        assertThat(decide.errLines()).isEqualTo(test.errLines());
    }

    @Test
    @DisplayName("finding 6: a negative window is an error of validate and of every command that loads the rules")
    void negativeWindow() throws Exception {
        Path rules = Cli.packWith(dir.resolve("rules"), "extra.drl", "package packs.storestandard;\n");
        Path pack = rules.resolve("pack.drl");
        Files.writeString(pack, Files.readString(pack).replace("defectRefundDays   : int = 15", "defectRefundDays   : int = -5"));

        Cli.Run validate = run("validate", rules.toString());
        Cli.Run decide = run("decide", "--rules", rules.toString(), write(dir.resolve("c.jsonl"), claim("A")).toString());

        String line = pack + ":16: defectRefundDays = -5: must be at least 1 day (a window or a time cannot be zero or negative)";
        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.outLines()).first().isEqualTo(line);
        assertThat(decide.exit()).isEqualTo(2);
        assertThat(decide.errLines()).containsExactly(line);
    }

    @Test
    @DisplayName("finding 7: options out of range are one line naming the option and what it allows; exit 2")
    void optionsOutOfRange() {
        assertOneLine(run("audit", "--floor", "cn-consumer-law", "--claims", "-1"), "--claims: must be at least 1, got -1");
        assertOneLine(run("bench", "--threads", "0"), "--threads: must be at least 1, got 0");
        assertOneLine(run("bench", "--claims", "0"), "--claims: must be at least 1, got 0");
        assertOneLine(run("decide", "--max-firings", "0", "x.jsonl"), "--max-firings: must be at least 1, got 0");
    }

    @Test
    @DisplayName("finding 7: messages name the field, never a Jackson setting or class")
    void noLibraryNamesInMessages() {
        String hugePrice = claim("P").replace("\"category\": \"TV\"}", "\"category\": \"TV\", \"price\": 1" + "0".repeat(2000) + "}");
        Path claims = write(dir.resolve("claims.jsonl"), String.join("\n", hugePrice, claim("A") + " // note",
                claim("B") + " " + claim("C"), "{\"id\": NaN}", "{'id': 1}", claim("D")) + "\n");

        Cli.Run run = run("decide", "--json", claims.toString());

        assertClean(run);
        assertThat(run.errLines()).hasSize(5);
        assertThat(run.errLines().get(0)).isEqualTo(claims + ":1: product.price: number too long: 2001 digits (at most 1000)");
        assertThat(run.outLines()).last().asString().startsWith("{\"claimId\":\"D\"");
    }

    @Test
    @DisplayName("finding 8: a date whose deadlines would leave year 9999 is refused, naming the field")
    void yearOutOfRange() {
        Path claims = write(dir.resolve("claims.jsonl"), claim("Y").replace("2026-03-09", "9999-12-31") + "\n");

        Cli.Run run = run("decide", "--json", claims.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith(claims + ":1: claimDate: 9999-12-31 is out of range")
                .doesNotContain("+10000");
    }

    @Test
    @DisplayName("finding 8: bidirectional controls in a claim id are escaped in explain and in error lines")
    void bidiControlsEscaped() {
        String id = "A\u202Egnp.exe";
        Path claims = write(dir.resolve("claims.jsonl"), claim(id) + "\n" + claim(id, "\"qualityDefect\": \"yes\"").replace(", \"qualityDefect\": true", "") + "\n");

        Cli.Run run = run("explain", claims.toString());

        assertThat(run.outLines().get(0)).isEqualTo("A\\u202egnp.exe: day 8 after purchase (2026-03-01 to 2026-03-09), "
                + "quality defect, asks for nothing in particular");
        assertThat(run.errLines()).containsExactly(claims + ":2: qualityDefect: expected true or false, got \"yes\"");
        Path rules = Cli.packWith(dir.resolve("rules"), "suspicious.drl", NULL_CATEGORY);
        Path noCategory = write(dir.resolve("no-category.jsonl"), "{\"id\": \"" + id + "\", \"product\": {\"sku\": \"S\"}, "
                + "\"purchaseDate\": \"2026-03-01\", \"claimDate\": \"2026-03-09\", \"qualityDefect\": true}\n");
        assertThat(run("decide", "--rules", rules.toString(), noCategory.toString()).errLines()).singleElement().asString()
                .contains("for claim A\\u202egnp.exe: ").doesNotContain("\u202E");
    }

    private static void assertOneLine(Cli.Run run, String line) {
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(line);
    }

    private static void assertClean(Cli.Run run) {
        for (String text : List.of(run.out(), run.err())) {
            for (String name : JAVA_NAMES) assertThat(text).as("no %s in:%n%s", name, text).doesNotContain(name);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) length += part.length;
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
