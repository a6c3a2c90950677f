package io.policyengine;

import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Outcome;
import io.policyengine.model.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The factory-warranty pack (contract 12.5): P2's repair is due on the 7th working day of mainland China's 2026 calendar. */
class FactoryWarrantyTest {
    private static final Path SOURCE = Path.of("src/main/resources/packs/factory-warranty");
    private static final PolicyEngine ENGINE = load();

    private static PolicyEngine load() {
        try {
            return PolicyEngine.bundled("factory-warranty");
        } catch (RuleLoadException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Decision repair(LocalDate claimDate) {
        return ENGINE.decide(Claim.builder("P2", "WM-8KG").purchaseDate(LocalDate.of(2026, 1, 1)).claimDate(claimDate)
                .qualityDefect(true).request(Request.REPAIR).build());
    }

    @ParameterizedTest(name = "claimed {0}: due {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "2026-02-12 | 2026-02-28 | Fri 13, Sat 14 made up, Spring Festival 15-23, Tue 24 to Fri 27, Sat 28 made up",
            "2026-04-30 | 2026-05-13 | Labour Day 1-5, Wed 6 to Fri 8, Sat 9 made up, Mon 11 to Wed 13",
            "2026-09-30 | 2026-10-15 | National Day 1-7, Thu 8, Fri 9, Sat 10 made up, Mon 12 to Thu 15",
            "2026-01-02 | 2026-01-12 | Sat 3 a holiday, Sun 4 made up, Mon 5 to Fri 9, Mon 12",
            "2026-09-18 | 2026-09-29 | Sun 20 made up, Mon 21 to Thu 24, Mid-Autumn 25-27, Mon 28, Tue 29",
            "2026-03-09 | 2026-03-18 | an ordinary week and a half",
            "2026-12-28 | 2027-01-06 | past the calendar, Monday to Friday"})
    @DisplayName("the repair is due on the 7th working day after the claim, the claim day not counted")
    void repairDueInWorkingDays(LocalDate claimDate, LocalDate due, String why) {
        Decision decision = repair(claimDate);

        assertThat(decision.outcome()).isEqualTo(Outcome.FREE_REPAIR);
        assertThat(decision.repairDueDate()).isEqualTo(due);
        assertThat(decision.actions()).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("REPAIR");
            assertThat(action.article()).isEqualTo("P2");
            assertThat(action.due()).isEqualTo(due);
        });
    }

    @Test
    @DisplayName("a holiday added to the pack's calendar moves the due date by a working day")
    void theCalendarIsPackData(@TempDir Path temp) throws Exception {
        Path pack = Files.createDirectories(temp.resolve("factory-warranty"));
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.toList()) Files.copy(file, pack.resolve(file.getFileName()));
        }
        Files.writeString(pack.resolve("calendar.txt"), Files.readString(pack.resolve("calendar.txt")) + "2026-03-13 holiday\n");

        Decision decision = PolicyEngine.load(pack).decide(Claim.builder("P2", "WM-8KG").purchaseDate(LocalDate.of(2026, 1, 1))
                .claimDate(LocalDate.of(2026, 3, 9)).qualityDefect(true).request(Request.REPAIR).build());

        assertThat(decision.repairDueDate()).isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    @DisplayName("a broken calendar refuses the pack with FILE:LINE")
    void brokenCalendar(@TempDir Path temp) throws Exception {
        Path pack = Files.createDirectories(temp.resolve("factory-warranty"));
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.toList()) Files.copy(file, pack.resolve(file.getFileName()));
        }
        Files.writeString(pack.resolve("calendar.txt"), "2026-01-01 holiday\n2026-13-01 holiday\n");

        List<RuleProblem> problems = PolicyEngine.validate(pack);

        assertThat(problems).extracting(RuleProblem::toString)
                .containsExactly(pack.resolve("calendar.txt") + ":2: \"2026-13-01\" is not a date YYYY-MM-DD");
    }
}
