package io.policyengine.examples.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report cuts a log into lines: where the line breaks are, whatever the bytes around them and the lines' length. */
class ReportReaderTest {

    @Test
    @DisplayName("the first line break found eight bytes at a time is the one a byte-by-byte scan finds")
    void newlinesAsAPlainScanFindsThem() {
        Random random = new Random(8);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // bytes next to '\n' in value (0x09, 0x0B, 0x8A, 0x0A ^ 0x80) are where a word-at-a-time scan would go wrong
                bytes[i] = (byte) new int[] {0x0A, 0x09, 0x0B, 0x8A, 0x00, 0xFF, 'a', 0x01}[random.nextInt(8)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = bytes.length;
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(ReportReader.indexOfNewline(bytes, from, bytes.length)).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("a refund that overflows (1e999999999), is negative or is no amount costs its line, never the report (contract 17)")
    void badAmountsCostTheirLine() throws IOException {
        String refund = DecisionLogs.line(DecisionLogs.claim("{\"id\": \"R-1\", \"product\": {\"sku\": \"K\", \"price\": 199.90}, "
                + "\"purchaseDate\": \"2026-03-01\", \"claimDate\": \"2026-03-03\", \"qualityDefect\": true, \"request\": \"REFUND\"}"));
        assertThat(refund).contains("\"refund\":199.90");
        String again = refund.replace("R-1", "R-2");
        String log = String.join("\n", refund,
                refund.replace("\"refund\":199.90", "\"refund\":1e999999999"),
                refund.replace("\"refund\":199.90", "\"refund\":-199.90"),
                refund.replace("\"refund\":199.90", "\"refund\":1e9999999999"),
                refund.replace("\"refund\":199.90", "\"refund\":0.000001"),
                again) + "\n";
        List<String> problems = new ArrayList<>();

        Report report = new ReportReader(Period.MONTH, 3, Targets.NONE, (source, line, problem) -> problems.add(line + ": " + problem))
                .read("log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))).report();

        assertThat(report.whole.claims).isEqualTo(2);
        assertThat(report.whole.refunded().get("CNY")).isEqualByComparingTo("399.80");
        assertThat(problems).containsExactly(
                "2: decision.money.refund: 1e999999999 is not an amount: more than 20 digits before the point",
                "3: decision.money.refund: -199.90 is not an amount: below 0",
                "4: decision.money.refund: 1e9999999999 is not an amount: out of range",
                "5: decision.money.refund: 0.000001 is not an amount: more than 4 decimals");
    }

    @Test
    @DisplayName("CRLF, blank lines, a last line without its break and a line longer than a block are each read as one line")
    void linesOfEveryShape() throws IOException {
        String good = DecisionLogs.line(DecisionLogs.defect("A-1", "S", "F", "2026-03-01"));
        String huge = DecisionLogs.withDecisionField(good.replace("A-1", "A-2"), "padding", "\"" + "x".repeat(5 << 20) + "\"");
        String log = good + "\r\n\n   \n" + huge + "\n" + "oops\n" + good.replace("A-1", "A-3");
        List<Long> badLines = new ArrayList<>();

        Report report = new ReportReader(Period.MONTH, 3, Targets.NONE, (source, line, problem) -> badLines.add(line))
                .read("log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))).report();

        assertThat(report.whole.claims).isEqualTo(3);
        assertThat(badLines).containsExactly(5L);

        Report live = new ReportReader(Period.MONTH, 3, Targets.NONE, (source, line, problem) -> badLines.add(line)).completeLinesOnly()
                .read("log", new ByteArrayInputStream((good + "\n" + good.replace("A-1", "A-2").substring(0, 40)).getBytes(StandardCharsets.UTF_8))).report();
        assertThat(live.whole.claims).as("a line still being written is left out").isEqualTo(1);
        assertThat(live.badLines).isZero();
    }
}
