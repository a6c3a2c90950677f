package io.policyengine.json;

import io.policyengine.json.ClaimSource.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ClaimSourceTest {

    private static final int DEEP = 100_000;

    @TempDir
    Path dir;

    @Test
    void readsJsonLinesAndKeepsGoingPastBadLines() {
        List<Item> items = read(String.join("\n",
                claim("A"),
                "",
                "{not json",
                claim("B"),
                claim("C").replace("true}", "\"yes\"}"),
                "   ",
                "{\"id\": \"D\",",
                claim("E")));

        assertThat(items).extracting(Item::line, Item::claimId)
                .containsExactly(tuple(1, "A"), tuple(3, null), tuple(4, "B"), tuple(5, "C"), tuple(7, null),
                        tuple(8, "E"));
        assertThat(items.get(1).error()).startsWith("not JSON: Unexpected character ('n'");
        assertThat(items.get(3).error()).isEqualTo("qualityDefect: expected true or false, got \"yes\"");
        assertThat(items.get(4).error()).startsWith("not JSON: Unexpected end-of-input")
                .doesNotContain("Source", "line:", "\n");
        assertThat(items).filteredOn(item -> !item.isError())
                .allSatisfy(item -> assertThat(item.claim().id()).isEqualTo(item.claimId()));
    }

    @Test
    void countsLinesAcrossLeadingBlankLinesAndCrLf() {
        List<Item> items = read("\r\n\r\n" + claim("A") + "\r\n\r\n" + claim("B") + "\r\n");

        assertThat(items).extracting(Item::line, Item::claimId).containsExactly(tuple(3, "A"), tuple(5, "B"));
    }

    @Test
    void rejectsTwoValuesOnOneLine() {
        List<Item> items = read(claim("A") + " " + claim("B") + "\n" + claim("C"));

        assertThat(items).extracting(Item::line, Item::error)
                .containsExactly(tuple(1, "not JSON: more than one value on the line"), tuple(2, null));
    }

    @Test
    void readsAnArrayWithTheLineWhereEachElementStarts() {
        List<Item> items = read("\n\n[\n  " + claim("A") + ",\n  " + claim("B") + ",\n\n  {\"id\": \"C\"}\n]\n");

        assertThat(items).extracting(Item::line, Item::claimId, Item::error)
                .containsExactly(tuple(4, "A", null), tuple(5, "B", null), tuple(7, "C", "product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: missing"));
    }

    @Test
    void readsAMinifiedArrayOnOneLine() {
        assertThat(read("[" + claim("A") + "," + claim("B") + "]"))
                .extracting(Item::line, Item::claimId).containsExactly(tuple(1, "A"), tuple(1, "B"));
        assertThat(read("[]")).isEmpty();
    }

    @Test
    void reportsEachNonObjectElementOfAnArray() {
        assertThat(read("[1, \"two\", [3]]")).extracting(Item::error).containsExactly(
                "claim: expected a JSON object, got a number",
                "claim: expected a JSON object, got a string",
                "claim: expected a JSON object, got an array");
    }

    @Test
    void endsAnArrayAtASyntaxErrorWithItsLine() {
        List<Item> items = read("[\n" + claim("A") + ",\n{\"id\": oops},\n" + claim("B") + "\n]");

        assertThat(items).extracting(Item::line, Item::claimId).containsExactly(tuple(2, "A"), tuple(3, null));
        assertThat(items.get(1).error()).startsWith("not JSON: Unrecognized token 'oops'").doesNotContain("Source");
    }

    @Test
    void readsAPrettyPrintedClaim() {
        List<Item> items = read("\n" + ClaimJsonTest.CONTRACT_SAMPLE);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.line()).isEqualTo(2);
            assertThat(item.error()).isNull();
            assertThat(item.claim().id()).isEqualTo("C-1001");
        });
    }

    @Test
    void readsSeveralPrettyPrintedClaims() {
        String second = ClaimJsonTest.CONTRACT_SAMPLE.replace("C-1001", "C-1002");
        int secondStart = (int) ClaimJsonTest.CONTRACT_SAMPLE.lines().count() + 2;

        List<Item> items = read(ClaimJsonTest.CONTRACT_SAMPLE + "\n" + second);

        assertThat(items).extracting(Item::line, Item::claimId)
                .containsExactly(tuple(1, "C-1001"), tuple(secondStart, "C-1002"));
    }

    @Test
    void endsAPrettyPrintedInputCutShort() {
        List<Item> items = read("{\n  \"id\": \"C-1\",\n  \"product\": {\n");

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.line()).isEqualTo(4);
            assertThat(item.error()).isEqualTo("not JSON: Unexpected end-of-input: expected close marker for Object");
        });
    }

    @Test
    void readsAnExampleAndIgnoresItsExpectation() {
        String example = "{\"claim\": " + claim("A") + ", \"expect\": {\"outcome\": \"REFUND\"}}";
        String bad = "{\"claim\": {\"id\": \"B\", \"qualityDefect\": 3}}";

        List<Item> items = read(example + "\n" + bad + "\n{\"claim\": 7}\n");

        assertThat(items).extracting(Item::claimId, Item::error).containsExactly(
                tuple("A", null),
                tuple("B", "product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: expected true or false, got 3"),
                tuple(null, "claim: expected a JSON object, got a number"));
        assertThat(read("[" + example + "]")).extracting(Item::claimId).containsExactly("A");
    }

    @Test
    void doesNotTakeAClaimWithAnIdForAnExample() {
        assertThat(read("{\"id\": \"A\", \"claim\": {}}")).extracting(Item::claimId, Item::error)
                .containsExactly(tuple("A", "claim: unknown field; product: missing; purchaseDate: missing; claimDate: missing; qualityDefect: missing"));
    }

    @Test
    void reportsDuplicateKeysNamingTheField() {
        String duplicateId = "{\"id\": \"A\", \"id\": \"B\"}";
        String duplicateSku = "{\"id\": \"C\", \"product\": {\"sku\": \"S\", \"sku\": \"T\"}}";

        assertThat(read(duplicateId + "\n" + duplicateSku + "\n" + claim("D")))
                .extracting(Item::line, Item::error)
                .containsExactly(tuple(1, "id: duplicate field"), tuple(2, "product.sku: duplicate field"),
                        tuple(3, null));
        assertThat(read("[\n" + duplicateSku + ",\n" + claim("D") + "\n]"))
                .extracting(Item::line, Item::error)
                .containsExactly(tuple(2, "product.sku: duplicate field"), tuple(3, null));
    }

    @Test
    void reportsADeeplyNestedArrayAsOneCleanError() {
        assertThat(read("[".repeat(DEEP) + "]".repeat(DEEP))).singleElement().satisfies(item -> {
            assertThat(item.line()).isEqualTo(1);
            assertThat(item.error()).isEqualTo("nested too deeply: more than 1000 levels");
        });
    }

    @Test
    void reportsADeeplyNestedObjectAsOneCleanErrorAndKeepsTheNextLine() {
        String deep = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);

        assertThat(read(deep + "\n" + claim("A"))).extracting(Item::line, Item::error)
                .containsExactly(tuple(1, "nested too deeply: more than 1000 levels"), tuple(2, null));
        assertThat(read("{\"a\":\n".repeat(DEEP))).extracting(Item::error)
                .containsExactly("nested too deeply: more than 1000 levels");
    }

    @Test
    void reportsProblemsWithTheWholeInputAtLineZero() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path blank = Files.writeString(dir.resolve("blank.json"), " \n\t\r\n\n");

        assertThat(errorOf(dir.resolve("absent.json"))).isEqualTo("no such file");
        assertThat(errorOf(dir)).isEqualTo("is a directory");
        assertThat(errorOf(empty)).isEqualTo("empty input: no claims");
        assertThat(errorOf(blank)).isEqualTo("empty input: no claims");
        assertThat(read(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}))
                .extracting(Item::line, Item::error).containsExactly(tuple(0, "not valid UTF-8: it is UTF-16; save it as UTF-8"));
    }

    @Test
    void readsAFileNamedOnTheCommandLine() throws IOException {
        Path file = Files.writeString(dir.resolve("claims.jsonl"), claim("A") + "\n" + claim("B") + "\n");

        try (ClaimSource source = ClaimSource.open(file.toString())) {
            assertThat(source).extracting(Item::source, Item::line, Item::claimId)
                    .containsExactly(tuple(file.toString(), 1, "A"), tuple(file.toString(), 2, "B"));
        }
    }

    @Test
    void readsStandardInputAndLeavesItOpen() {
        var stdin = new ByteArrayInputStream(claim("A").getBytes(StandardCharsets.UTF_8)) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };

        try (ClaimSource source = ClaimSource.open(ClaimSource.STDIN, stdin)) {
            assertThat(source).extracting(Item::source, Item::claimId).containsExactly(tuple("<stdin>", "A"));
        }
        assertThat(stdin.closed).isFalse();
    }

    @Test
    void canBeReadOnlyOnce() {
        ClaimSource source = ClaimSource.of("test", InputStream.nullInputStream());
        source.iterator();

        assertThatThrownBy(source::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsANumberNoDecimalHoldsAsOneBadClaim() {
        String hugePrice = claim("A").replace("\"sku\": \"S\"", "\"sku\": \"S\", \"price\": 1e9999999999");
        String tinyInAnUnknownField = claim("B").replace("{\"id\"", "{\"weight\": [0.1e-2147483648], \"id\"");

        assertThat(read(hugePrice + "\n" + tinyInAnUnknownField + "\n" + claim("C")))
                .extracting(Item::line, Item::error)
                .containsExactly(tuple(1, "product.price: number out of range"), tuple(2, "weight[0]: number out of range"),
                        tuple(3, null));
        assertThat(read("[\n" + hugePrice + ",\n" + claim("C") + "\n]"))
                .extracting(Item::line, Item::error)
                .containsExactly(tuple(2, "product.price: number out of range"), tuple(3, null));
    }

    @Test
    void streamsWithoutReadingTheWholeInput() {
        assertThat(firstThree(new EndlessInput("", "\n"))).extracting(Item::line).containsExactly(1, 2, 3);
        assertThat(firstThree(new EndlessInput("[", ",\n"))).extracting(Item::line).containsExactly(1, 2, 3);
    }

    private static List<Item> firstThree(InputStream endless) {
        Iterator<Item> items = ClaimSource.of("endless", endless).iterator();
        List<Item> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) first.add(items.next());
        assertThat(first).allSatisfy(item -> assertThat(item.error()).isNull());
        return first;
    }

    /** An input that never ends: a prefix, then the same claim forever, each followed by a separator. */
    private static final class EndlessInput extends InputStream {
        private final byte[] prefix;
        private final byte[] element;
        private long position;

        EndlessInput(String prefix, String separator) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.element = (claim("A") + separator).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            long at = position++;
            return at < prefix.length ? prefix[(int) at] : element[(int) ((at - prefix.length) % element.length)];
        }
    }

    @Test
    @DisplayName("the 1 MiB limit of one claim holds for an array's element and a pretty-printed claim as for a line (contract 17)")
    void oneMebibytePerClaimInEveryForm() {
        // 25,000 earlier repairs of 46 bytes: a claim of 1.1 MiB, on one line or, pretty-printed, on many short ones
        String big = claim("BIG").replace("\"qualityDefect\": true", "\"qualityDefect\": true, \"repairHistory\": ["
                + String.join(", ", java.util.Collections.nCopies(25_000, "{\"completedOn\": \"2026-03-05\", \"fault\": \"F\"}")) + "]");
        String small = claim("SMALL");

        List<Item> lines = read(big + "\n" + small + "\n");
        List<Item> array = read("[" + big + ",\n" + small + "]");
        List<Item> pretty = read(big.replace(", ", ",\n") + "\n" + small.replace(", ", ",\n") + "\n");

        for (List<Item> items : List.of(lines, array, pretty)) {
            assertThat(items).hasSize(2);
            assertThat(items.get(0).error()).matches("(line|claim) over 1 MiB, the limit for one claim: not read");
            assertThat(items.get(1).claim().id()).isEqualTo("SMALL");
        }
        String justUnder = claim("UNDER").replace("\"qualityDefect\": true", "\"qualityDefect\": true, \"fault\": \"" + "x".repeat(1 << 19) + "\"");
        assertThat(read("[" + justUnder + "]")).singleElement().extracting(Item::error).isNull();
    }

    @ParameterizedTest(name = "price {0}")
    @ValueSource(strings = {"1234567890123456.78", "1.23456789012345678E15", "1234567890123456.780", "0.10", "1e2", "12.5e-1",
            "123456789012345678901234567890.12", "9007199254740993.01"})
    @DisplayName("one object, a JSON array, pretty-printed claims, JSON Lines and an example read a price to the last digit alike")
    void everyFormReadsNumbersAlike(String price) {
        String claim = claim("P").replace("\"sku\": \"S\"", "\"sku\": \"S\", \"price\": " + price);
        String unusual = claim.replace("\"id\": \"P\"", "\"id\": \"P\", \"channel\": null"); // the strict reader's path, not the fast one
        List<String> forms = List.of(claim + "\n", unusual + "\n", "[" + claim + "]", "[\n" + unusual + "\n]", claim.replace(", ", ",\n") + "\n",
                "{\"claim\": " + claim + "}\n");
        java.math.BigDecimal expected = new java.math.BigDecimal(price);

        for (String form : forms) {
            assertThat(read(form)).singleElement().satisfies(item -> assertThat(item.claim().product().price()).as(form).isEqualTo(expected));
        }
        assertThat(ClaimJson.parse(ClaimJson.readValue("claim", claim)).product().price()).isEqualTo(expected);
    }

    private String errorOf(Path file) {
        try (ClaimSource source = ClaimSource.open(file)) {
            List<Item> items = new ArrayList<>();
            source.forEach(items::add);
            assertThat(items).singleElement().extracting(Item::line).isEqualTo(0);
            return items.get(0).error();
        }
    }

    private static List<Item> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Item> read(byte[] bytes) {
        List<Item> items = new ArrayList<>();
        try (ClaimSource source = ClaimSource.of("test", new ByteArrayInputStream(bytes))) {
            source.forEach(items::add);
        }
        assertThat(items).allSatisfy(item -> assertThat(item.source()).isEqualTo("test"));
        return items;
    }

    static String claim(String id) {
        return "{\"id\": \"" + id + "\", \"product\": {\"sku\": \"S\"}, \"purchaseDate\": \"2026-03-01\", "
                + "\"claimDate\": \"2026-03-09\", \"qualityDefect\": true}";
    }
}
