package io.policyengine;

import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Outcome;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions keep flowing, whole and consistent, while the rules are swapped under them. */
class HotSwapTest {
    private static final LocalDate PURCHASE = LocalDate.of(2026, 3, 1);
    private static final String WINDOW = "defectRefundDays   : int = ";
    private static final int DECIDERS = 4;
    private static final int SWAPS = 12;

    @TempDir
    Path temp;

    @Test
    void fourThreadsDecideWhileTheRulesAreSwappedTwelveTimesIncludingBrokenVersions() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PolicyEngine engine = PolicyEngine.load(pack);
        // day 14 and day 15 claims tell the versions apart: a 14-day window exchanges on day 15
        List<Claim> claims = List.of(
                new Claim("DAY-14", Product.of("TV"), PURCHASE, PURCHASE.plusDays(14), true, Request.REFUND, null),
                new Claim("DAY-15", Product.of("TV"), PURCHASE, PURCHASE.plusDays(15), true, Request.REFUND, null));
        PackCopy.edit(pack, "pack.drl", WINDOW + 15, WINDOW + 14);
        PolicyId fourteenDays = PolicyEngine.load(pack).policy();
        PackCopy.edit(pack, "pack.drl", WINDOW + 14, WINDOW + 15);
        Map<PolicyId, Integer> windowOfVersion = Map.of(engine.policy(), 15, fourteenDays, 14);

        AtomicBoolean swapping = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        // Twelve swaps on four threads: each swap is a compile of the whole pack, and on two cores fifty of them
        // under eight busy threads took minutes without telling more than these do (two broken versions among them).
        ExecutorService pool = Executors.newFixedThreadPool(DECIDERS);
        CountDownLatch started = new CountDownLatch(DECIDERS);
        List<Future<Integer>> deciders = new java.util.ArrayList<>();
        for (int t = 0; t < DECIDERS; t++) {
            deciders.add(pool.submit(() -> {
                started.countDown();
                int decided = 0;
                while (swapping.get() || decided == 0) {
                    for (Decision d : engine.decideAll(claims)) {
                        Integer window = windowOfVersion.get(d.policy());
                        Outcome expected = d.daysSincePurchase() <= (window == null ? -1 : window) ? Outcome.REFUND : Outcome.EXCHANGE;
                        if (window == null || d.outcome() != expected || d.reasons().isEmpty()) {
                            wrong.add(d.claimId() + " under " + d.policy() + ": " + d.outcome());
                        }
                        decided++;
                    }
                }
                return decided;
            }));
        }
        started.await();
        int window = 15;
        int broken = 0;
        for (int swap = 1; swap <= SWAPS; swap++) {
            if (swap % 5 == 0) {
                PackCopy.edit(pack, "defect-tiers.drl", "\"defect refund window\"", "\"defect refund window\" (");
                try {
                    engine.reload();
                } catch (RuleLoadException expected) {
                    broken++;
                }
                PackCopy.edit(pack, "defect-tiers.drl", "\"defect refund window\" (", "\"defect refund window\"");
                continue;
            }
            int next = window == 15 ? 14 : 15;
            PackCopy.edit(pack, "pack.drl", WINDOW + window, WINDOW + next);
            window = next;
            assertThat(engine.reload()).isEqualTo(window == 14 ? fourteenDays : windowOfVersion.keySet().stream()
                    .filter(id -> !id.equals(fourteenDays)).findFirst().orElseThrow());
        }
        swapping.set(false);
        int decisions = 0;
        for (Future<Integer> f : deciders) decisions += f.get(2, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(broken).isEqualTo(SWAPS / 5);
        assertThat(wrong).isEmpty();
        assertThat(decisions).isGreaterThan(0);
        assertThat(engine.policy()).isEqualTo(window == 14 ? fourteenDays : windowOfVersion.keySet().stream()
                .filter(id -> !id.equals(fourteenDays)).findFirst().orElseThrow());
    }
}
