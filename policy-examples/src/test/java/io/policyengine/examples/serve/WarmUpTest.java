package io.policyengine.examples.serve;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up {@code serve} runs before it opens its port. That its decisions stay out of the real
 * decision log is checked by ServeProcessTest, whose server warms up for the default time.
 */
class WarmUpTest {
    @Test
    @DisplayName("generated claims, one at a time and in batches, in both languages, are answered 200 by a service of its own")
    void answersGeneratedClaims() {
        // however short the budget, each connection sends a claim, the first one a batch too, with the language asked for in turn
        WarmUp.Answered answered = WarmUp.run(LiveService.storeStandard(), Languages.EN, Duration.ofMillis(1), true);

        assertThat(answered.oneClaim()).as("one-claim requests answered 200").isGreaterThanOrEqualTo(WarmUp.CONNECTIONS);
        assertThat(answered.batches()).as("batches answered 200").isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("--warm-up 0 runs nothing")
    void none() {
        assertThat(WarmUp.run(LiveService.storeStandard(), Languages.EN, Duration.ZERO, false)).isEqualTo(WarmUp.Answered.NONE);
    }

    @Test
    @DisplayName("the warm-up goes on while the rate rises, through a flat stretch shorter than 4 windows")
    void goesOnWhileRising() {
        assertThat(WarmUp.stoppedRising(List.of(1_000L, 2_000L, 4_000L, 8_000L, 12_000L))).isFalse();
        // the compiler's next tier arrives after 3 windows without gain: not yet flat
        assertThat(WarmUp.stoppedRising(List.of(1_000L, 4_000L, 4_100L, 4_000L, 4_150L))).isFalse();
        // one window 5 % above the best before it is still rising
        assertThat(WarmUp.stoppedRising(List.of(4_000L, 4_000L, 4_000L, 4_000L, 4_200L))).isFalse();
    }

    @Test
    @DisplayName("the warm-up stops after 4 windows in a row under 5 % above the best window before them")
    void stopsWhenFlat() {
        assertThat(WarmUp.stoppedRising(List.of(1_000L, 4_000L, 4_100L, 4_000L, 4_150L, 3_900L))).isTrue();
        // a slower stretch (the machine busy elsewhere) is not a rise either
        assertThat(WarmUp.stoppedRising(List.of(5_000L, 2_000L, 2_000L, 2_000L, 2_000L))).isTrue();
    }

    @Test
    @DisplayName("a flat rate is not warm while the JIT is still compiling: it must have spent under 200 ms in each of the last 3 windows")
    void warmOnlyOnceTheCompilerIsQuiet() {
        List<Long> flat = List.of(1_000L, 4_000L, 4_100L, 4_000L, 4_150L, 3_900L);
        assertThat(WarmUp.warm(flat, List.of(900L, 900L, 900L, 900L, 900L, 950L))).as("compiling all along").isFalse();
        assertThat(WarmUp.warm(flat, List.of(900L, 900L, 900L, 40L, 30L, 950L))).as("two quiet windows, then a burst").isFalse();
        assertThat(WarmUp.warm(flat, List.of(900L, 900L, 900L, 900L, 199L, 40L))).as("quiet twice only").isFalse();
        assertThat(WarmUp.warm(flat, List.of(900L, 900L, 900L, 10L, 199L, 40L))).as("quiet three times").isTrue();
        // a quiet compiler while the rate still rises: not yet
        assertThat(WarmUp.warm(List.of(1_000L, 2_000L, 4_000L, 8_000L, 12_000L), List.of(0L, 0L, 0L, 0L, 0L))).isFalse();
    }

    @Test
    @DisplayName("a warm-up given a few seconds measures the rate window by window and stops by then")
    void boundedByTheBudget() {
        long start = System.nanoTime();
        WarmUp.Answered answered = WarmUp.run(LiveService.storeStandard(), Languages.EN, Duration.ofSeconds(3), false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answered.rates()).hasSizeBetween(1, 3);
        assertThat(answered.rates().stream().mapToLong(Long::longValue).sum()).as("claims answered in the windows").isPositive();
        // the bound, plus what the requests under way take to finish on a busy machine
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }
}
