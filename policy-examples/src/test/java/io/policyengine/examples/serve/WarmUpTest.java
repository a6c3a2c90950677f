package io.policyengine.examples.serve;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up {@code serve} runs before it opens its port. That its decisions stay out of the real
 * decision log is checked by ServeProcessTest, whose server warms up for the default time.
 */
class WarmUpTest {
    @Test
    @DisplayName("generated claims, one at a time and in batches, in both languages, are answered 200 by a service of its own")
    void answersGeneratedClaims() {
        // however short the budget, each of the 8 connections sends a claim and a batch
        WarmUp.Answered answered = WarmUp.run(LiveService.storeStandard(), Languages.EN, Duration.ofMillis(1), true);

        assertThat(answered.oneClaim()).as("one-claim requests answered 200").isGreaterThanOrEqualTo(8);
        assertThat(answered.batches()).as("batches answered 200").isGreaterThanOrEqualTo(8);
    }

    @Test
    @DisplayName("--warm-up 0 runs nothing")
    void none() {
        assertThat(WarmUp.run(LiveService.storeStandard(), Languages.EN, Duration.ZERO, false)).isEqualTo(new WarmUp.Answered(0, 0));
    }
}
