package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a policy author reads for the commonest slips in a rule file: one line each, at the line of the slip, with a suggestion. */
class ProblemHintsTest {
    private static final Path MINI = Path.of("src", "test", "resources", "packs", "mini");

    @TempDir
    Path pack;

    @Test
    @DisplayName("a misspelled claim field is named with the field the claim has")
    void misspelledClaimField() throws IOException {
        List<RuleProblem> problems = problemsAfter("qualityDefect == false, daysSincePurchase > 7", "qualityDefect == false, daysSincePurchse > 7");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf("daysSincePurchse > 7"));
            assertThat(p.message()).isEqualTo("daysSincePurchse > 7: Claim has no field or method daysSincePurchse (did you mean daysSincePurchase?)");
        });
    }

    @Test
    @DisplayName("a misspelled term is named with the term the pack declares, and the errors that only follow from it are dropped")
    void misspelledTerm() throws IOException {
        List<RuleProblem> problems = problemsAfter("Terms( $days : refundDays )", "Terms( $days : refundDay )");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf("Terms( $days : refundDay )"));
            assertThat(p.message()).isEqualTo("Terms has no field refundDay (did you mean refundDays?)");
        });
    }

    @Test
    @DisplayName("a name far from every field gets no guess")
    void noGuessWhenNothingIsNear() throws IOException {
        List<RuleProblem> problems = problemsAfter("qualityDefect == false, daysSincePurchase > 7", "qualityDefect == false, colour == 7");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).doesNotContain("did you mean"));
    }

    @Test
    @DisplayName("a missing ) in a then block is reported at the line of the statement, not the rule's first line")
    void missingParenthesisInConsequence() throws IOException {
        List<RuleProblem> problems = problemsAfter("Remedy.REFUND, Remedy.FREE_REPAIR );", "Remedy.REFUND, Remedy.FREE_REPAIR ;");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf("Remedy.REFUND, Remedy.FREE_REPAIR ;"));
            assertThat(p.message()).startsWith("Syntax error");
        });
    }

    @Test
    @DisplayName("a missing ) in a condition is reported at its own line, not at the then the parser stumbles on next")
    void missingParenthesisInCondition() throws IOException {
        List<RuleProblem> problems = problemsAfter("$claim : Claim( qualityDefect, daysSincePurchase <= $days )",
                "$claim : Claim( qualityDefect, daysSincePurchase <= $days");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf("$claim : Claim( qualityDefect, daysSincePurchase <= $days"));
            assertThat(p.message()).contains("mismatched input 'then'", "is not closed");
        });
    }

    @Test
    void distanceAndSuggestion() {
        assertThat(ProblemHints.distance("daysSincePurchse", "daysSincePurchase")).isEqualTo(1);
        assertThat(ProblemHints.didYouMean("refundDay", List.of("repairDays", "refundDays"))).isEqualTo(" (did you mean refundDays?)");
        assertThat(ProblemHints.didYouMean("x", List.of("refundDays"))).isEmpty();
    }

    private int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(pack.resolve("pack.drl"));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError("no line holds " + text);
    }

    private List<RuleProblem> problemsAfter(String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(MINI)) {
            for (Path file : files.toList()) Files.copy(file, pack.resolve(file.getFileName()));
        }
        Path drl = pack.resolve("pack.drl");
        String text = Files.readString(drl);
        assertThat(text).contains(from);
        Files.writeString(drl, text.replace(from, to));
        return catchThrowableOfType(() -> RulePack.load(pack), RuleLoadException.class).problems();
    }
}
