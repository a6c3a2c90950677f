package io.policyengine.examples.serve;

import io.policyengine.PolicyEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s ready line (contract 17): it warns, as {@code validate} does, when a pack's working-day calendar ends
 * within 60 days. The bundled factory-warranty calendar covers 2026, so it ends on 2026-12-31.
 */
class ReadyLineTest {
    private static final URI AT = URI.create("http://127.0.0.1:8080");

    @Test
    @DisplayName("on 2026-11-01, 60 days before the calendar ends on 2026-12-31, the ready line says so with the file and line")
    void warnsSixtyDaysBeforeTheCalendarEnds() throws Exception {
        String line = ServeCommand.readyLine(PolicyEngine.bundled("factory-warranty"), AT, LocalDate.of(2026, 11, 1));

        assertThat(line).matches("serving factory-warranty 1 \\(hash [0-9a-f]{12}\\) on http://127\\.0\\.0\\.1:8080; "
                + ".*calendar\\.txt:\\d+: warning: the calendar ends on 2026-12-31, within 60 days: .*")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("on 2026-10-31, 61 days before, and after a new year is added, the ready line is the plain one")
    void saysNothingEarlier() throws Exception {
        String line = ServeCommand.readyLine(PolicyEngine.bundled("factory-warranty"), AT, LocalDate.of(2026, 10, 31));

        assertThat(line).matches("serving factory-warranty 1 \\(hash [0-9a-f]{12}\\) on http://127\\.0\\.0\\.1:8080");
    }

    @Test
    @DisplayName("a calendar that has ended is said too, and a floor's calendar as much as the store pack's")
    void endedCalendarOfAFloor() throws Exception {
        PolicyEngine stack = PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("factory-warranty"));

        String line = ServeCommand.readyLine(stack, AT, LocalDate.of(2027, 1, 4));

        assertThat(line).startsWith("serving store-standard 1 (hash ").contains("warning: the calendar ended on 2026-12-31");
    }

    @Test
    @DisplayName("a pack without a calendar: the ready line as it always was")
    void noCalendar() {
        assertThat(ServeCommand.readyLine(PolicyEngine.storeStandard(), AT, LocalDate.of(2026, 12, 30)))
                .matches("serving store-standard 1 \\(hash [0-9a-f]{12}\\) on http://127\\.0\\.0\\.1:8080");
    }

    @Test
    @DisplayName("a chain whose stacks share the factory-warranty pack: its warning is said once, after the chain's account")
    void aChainSaysEachCalendarOnce() throws Exception {
        PolicyEngine factory = PolicyEngine.bundled("factory-warranty");
        PolicyEngine overLaw = PolicyEngine.bundled("factory-warranty").withFloor(PolicyEngine.bundled("cn-consumer-law"));

        String line = ServeCommand.readyLine("the stores of stores.csv (2 rows, 2 stacks: ...)", AT,
                java.util.List.of(factory, overLaw, PolicyEngine.storeStandard()), LocalDate.of(2026, 12, 1));

        assertThat(line).startsWith("serving the stores of stores.csv (2 rows, 2 stacks: ...) on http://127.0.0.1:8080; ");
        assertThat(line.split("warning: ", -1)).as("one warning").hasSize(2);
    }
}
