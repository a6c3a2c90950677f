package io.policyengine;

import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Outcome;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract 14.2: a chain's stores file chooses the stack of each claim by the claim's store. */
class StoreEngineTest {
    private static final LocalDate PURCHASE = LocalDate.of(2026, 3, 1);

    @TempDir
    Path temp;
    private Path stores;

    /** A defect on day 15, asking for a refund: a refund under store-standard's 15 days, an exchange under a 14-day outlet. */
    private static Claim day15RefundAt(String id, String store) {
        return Claim.builder(id, "TV").purchaseDate(PURCHASE).claimDate(PURCHASE.plusDays(15)).qualityDefect(true)
                .request(Request.REFUND).store(store).build();
    }

    @BeforeEach
    void aChainWithAnOutletWhoseRefundWindowIs14Days() throws Exception {
        Path outlet = PackCopy.storeStandardIn(temp.resolve("packs/outlet"));
        PackCopy.edit(outlet, "pack.drl", "defectRefundDays   : int = 15", "defectRefundDays   : int = 14");
        PackCopy.edit(outlet, "pack.drl", "name          : String = \"store-standard\"", "name          : String = \"outlet\"");
        stores = temp.resolve("stores.csv");
        Files.writeString(stores, """
                store,region,pack,floors,lang
                # the shops of the east
                SH-0012,East,store-standard,cn-consumer-law,zh-CN
                SH-OUT-1,East,packs/outlet,cn-consumer-law,zh-CN
                BJ-0003,North,electronics-plus,cn-consumer-law,zh-CN
                WEB-CN,Online,store-standard,cn-consumer-law,zh-CN
                *,,store-standard,,en
                """);
    }

    @Test
    void eachClaimIsDecidedByItsStoresStack() throws Exception {
        StoreEngine chain = PolicyEngine.forStores(stores);

        Decision shanghai = chain.decide(day15RefundAt("A", "SH-0012"));
        Decision outlet = chain.decide(day15RefundAt("B", "SH-OUT-1"));
        Decision beijing = chain.decide(day15RefundAt("C", "BJ-0003"));

        assertThat(shanghai.outcome()).isEqualTo(Outcome.REFUND);
        assertThat(shanghai.policy().name()).isEqualTo("store-standard");
        assertThat(shanghai.floors()).extracting(PolicyId::name).containsExactly("cn-consumer-law");
        assertThat(outlet.policy().name()).isEqualTo("outlet");
        assertThat(beijing.policy().name()).isEqualTo("electronics-plus");
        assertThat(chain.stacks()).hasSize(4);
        assertThat(chain.stacks().get(0).stores()).containsExactly("SH-0012", "WEB-CN");
    }

    @Test
    void aClaimWithoutAStoreOrOfAStoreWithoutARowTakesTheStarRow() throws Exception {
        StoreEngine chain = PolicyEngine.forStores(stores);

        assertThat(chain.decide(day15RefundAt("A", null)).floors()).isEmpty();
        assertThat(chain.decide(day15RefundAt("B", "SH-9999")).floors()).isEmpty();
        assertThat(chain.languageOf(day15RefundAt("B", "SH-9999"))).isEqualTo(Locale.ENGLISH);
        assertThat(chain.languageOf(day15RefundAt("C", "SH-0012"))).isEqualTo(Locale.forLanguageTag("zh-CN"));
    }

    @Test
    void withoutAStarRowAStoreWithoutARowIsBadInput() throws Exception {
        Files.writeString(stores, "store,region,pack,floors,lang\nSH-0012,East,store-standard,,zh-CN\n");
        StoreEngine chain = PolicyEngine.forStores(stores);

        assertThatThrownBy(() -> chain.decide(day15RefundAt("A", "SH-9999")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("store: no row for \"SH-9999\" in stores.csv, and no * row");
    }

    @Test
    void aBatchOfManyStoresComesBackInTheClaimsOrderEachByItsStack() throws Exception {
        StoreEngine chain = PolicyEngine.forStores(stores);
        String[] shops = {"SH-0012", "SH-OUT-1", "BJ-0003", "WEB-CN", null, "SH-7777"};
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 1200; i++) claims.add(day15RefundAt("C-" + i, shops[i % shops.length]));

        List<PolicyEngine.Result> results = chain.decideEach(claims);

        assertThat(results).hasSize(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            assertThat(results.get(i).claim()).isSameAs(claim);
            assertThat(results.get(i).decision()).isEqualTo(chain.engineFor(claim).decide(claim));
        }
        assertThat(results.get(1).decision().outcome()).isEqualTo(Outcome.EXCHANGE);
    }

    @Test
    void aBadStoresFileIsEveryProblemAtOnceAtItsLines() throws Exception {
        Files.writeString(stores, """
                store,region,pack,floors,lang
                SH-0012,East,store-standard,cn-consumer-law,zh-CN
                SH-0012,East,store-standard,,en
                SH-0013,East,store-standrd,,en
                SH-0014,East,store-standard,eu-law,en
                SH-0015,East,store-standard,,fr
                SH-0016,East,store-standard
                """);

        assertThatThrownBy(() -> PolicyEngine.forStores(stores))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining(stores + ":3: duplicate store \"SH-0012\" (first at line 2)")
                .hasMessageContaining(stores + ":4: pack: unknown pack \"store-standrd\"")
                .hasMessageContaining(stores + ":5: floors: unknown pack \"eu-law\"")
                .hasMessageContaining(stores + ":6: lang: unsupported \"fr\"; supported: en, zh-CN")
                .hasMessageContaining(stores + ":7: expected 5 columns (store,region,pack,floors,lang), got 3");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        Files.writeString(stores, "store,region,pack,floors\n*,,store-standard,\n");

        assertThatThrownBy(() -> PolicyEngine.forStores(stores))
                .hasMessage(stores + ":1: missing column \"lang\"");
    }

    @Test
    void aChangedStoresFileGoesLiveAndABrokenOneNever() throws Exception {
        StoreEngine chain = PolicyEngine.forStores(stores);
        Claim atShanghai = day15RefundAt("A", "SH-0012");
        assertThat(chain.decide(atShanghai).outcome()).isEqualTo(Outcome.REFUND);

        Files.writeString(stores, Files.readString(stores).replace("SH-0012,East,store-standard", "SH-0012,East,packs/outlet"));
        chain.reload();
        assertThat(chain.decide(atShanghai).outcome()).isEqualTo(Outcome.EXCHANGE);

        Files.writeString(stores, Files.readString(stores).replace("SH-0012,East,packs/outlet", "SH-0012,East,packs/nowhere"));
        assertThatThrownBy(chain::reload).hasMessageContaining(":3: pack: unknown pack \"packs/nowhere\"");
        assertThat(chain.decide(atShanghai).outcome()).isEqualTo(Outcome.EXCHANGE);
    }

    @Test
    void aWatchedChainReloadsWhenTheStoresFileOrAPackItNamesChanges() throws Exception {
        StoreEngine chain = PolicyEngine.forStores(stores);
        BlockingQueue<Object> reloads = new LinkedBlockingQueue<>();
        try (AutoCloseable watcher = chain.watch(Duration.ofMillis(100), new PolicyEngine.ReloadListener() {
            @Override
            public void reloaded(PolicyId live) {
                reloads.add(live);
            }

            @Override
            public void failed(Exception problem) {
                reloads.add(problem);
            }
        })) {
            // a reload compiles the pack and checks it as validate does: tens of seconds on a loaded 2-core machine, with
            // another test class beside it; the wait ends as soon as the reload does
            PackCopy.edit(temp.resolve("packs/outlet"), "pack.drl", "defectRefundDays   : int = 14", "defectRefundDays   : int = 16");
            assertThat(reloads.poll(120, TimeUnit.SECONDS)).isInstanceOf(PolicyId.class);
            assertThat(chain.decide(day15RefundAt("B", "SH-OUT-1")).outcome()).isEqualTo(Outcome.REFUND);

            Path staged = temp.resolve("stores.tmp");
            Files.writeString(staged, "store,region,pack,floors,lang\nSH-OUT-1,East,store-standard,,en\n");
            Files.move(staged, stores, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(reloads.poll(120, TimeUnit.SECONDS)).isInstanceOf(PolicyId.class);
            assertThat(chain.stacks()).hasSize(1);
        }
    }
}
