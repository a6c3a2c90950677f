package io.policyengine;

import io.policyengine.model.Claim;
import io.policyengine.model.Outcome;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloadTest {
    private static final LocalDate PURCHASE = LocalDate.of(2026, 3, 1);
    /** A defect on day 15, asking for a refund: inside a 15-day refund window, outside a 14-day one. */
    private static final Claim DAY_15_REFUND = new Claim("DAY-15", Product.of("TV"), PURCHASE, PURCHASE.plusDays(15),
            true, Request.REFUND, null);

    @TempDir
    Path temp;

    @Test
    void aShorterRefundWindowTurnsDay15IntoAnExchangeWithoutJavaChanges() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PolicyEngine engine = PolicyEngine.load(pack);
        assertThat(engine.decide(DAY_15_REFUND).outcome()).isEqualTo(Outcome.REFUND);

        PackCopy.edit(pack, "pack.drl", "defectRefundDays   : int = 15", "defectRefundDays   : int = 14");
        engine.reload();

        assertThat(engine.decide(DAY_15_REFUND).outcome()).isEqualTo(Outcome.EXCHANGE);
        assertThat(engine.terms()).containsEntry("defectRefundDays", 14);
    }

    @Test
    void aBrokenRuleFileNeverGoesLive() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PolicyEngine engine = PolicyEngine.load(pack);
        var before = engine.policy();

        PackCopy.edit(pack, "defect-tiers.drl", "rule \"defect refund window\"", "rule \"defect refund window\" oops(");

        assertThatThrownBy(engine::reload).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("defect-tiers.drl:");
        assertThat(engine.policy()).isEqualTo(before);
        assertThat(engine.decide(DAY_15_REFUND).outcome()).isEqualTo(Outcome.REFUND);
    }

    @Test
    void aDeletedOrEmptiedFolderKeepsTheOldRulesServing() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PolicyEngine engine = PolicyEngine.load(pack);

        try (Stream<Path> files = Files.list(pack)) {
            for (Path file : files.toList()) Files.delete(file);
        }
        assertThatThrownBy(engine::reload).hasMessageContaining("holds no .drl rule files");
        Files.delete(pack);
        assertThatThrownBy(engine::reload).hasMessageContaining("no such folder");

        assertThat(engine.decide(DAY_15_REFUND).outcome()).isEqualTo(Outcome.REFUND);
    }

    @Test
    void aWatchedFolderReloadsByItselfAndSkipsBrokenSaves() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PolicyEngine engine = PolicyEngine.load(pack);
        BlockingQueue<Object> reloads = new LinkedBlockingQueue<>();  // each reload's new policy, or its failure
        try (AutoCloseable watcher = engine.watch(Duration.ofMillis(100), new PolicyEngine.ReloadListener() {
            @Override
            public void reloaded(PolicyId live) {
                reloads.add(live);
            }

            @Override
            public void failed(Exception problem) {
                reloads.add(problem);
            }
        })) {
            PackCopy.edit(pack, "defect-tiers.drl", "rule \"defect refund window\"", "rule \"defect refund window\" oops(");
            assertThat(reloads.poll(120, TimeUnit.SECONDS)).as("the broken save's reload").isInstanceOf(RuleLoadException.class);
            assertThat(engine.decide(DAY_15_REFUND).outcome()).isEqualTo(Outcome.REFUND);

            PackCopy.edit(pack, "defect-tiers.drl", "rule \"defect refund window\" oops(", "rule \"defect refund window\"");
            PackCopy.edit(pack, "pack.drl", "defectRefundDays   : int = 15", "defectRefundDays   : int = 14");
            Object reload;
            do {
                reload = reloads.poll(120, TimeUnit.SECONDS);
            } while (reload != null && engine.decide(DAY_15_REFUND).outcome() != Outcome.EXCHANGE);
            assertThat(engine.decide(DAY_15_REFUND).outcome()).isEqualTo(Outcome.EXCHANGE);
        }
    }
}
