package io.policyengine.examples.bench;

import io.policyengine.PolicyEngine;
import io.policyengine.RenderedDecision;
import io.policyengine.Validation;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Outcome;
import io.policyengine.model.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's generated chain pack is a pack an author could have written: it validates, and its rules decide. */
class ChainPackTest {
    private static final LocalDate BOUGHT = LocalDate.of(2026, 3, 2);

    /** chain-130: store-standard's 52 rules, 48 by category, 7 by region, 23 by store (S-0001 has all 24 categories). */
    private static PolicyEngine chain;

    @TempDir
    static Path folder;

    @BeforeAll
    static void writeAndLoad() throws Exception {
        chain = PolicyEngine.load(ChainPack.of(130).write(folder.resolve("chain-130")));
    }

    @Test
    void aGeneratedChainPackValidatesWithoutAnErrorAndHasTheRulesAskedFor() throws Exception {
        Validation validation = PolicyEngine.validation(folder.resolve("chain-130"));

        // warnings only: validate's generated claims are made at no store, so it never sees a store's promotion fire
        assertThat(validation.problems()).filteredOn(problem -> !problem.warning()).isEmpty();
        assertThat(chain.rules()).hasSize(130);
    }

    @Test
    void aStoresPromotionGrantsAnExchangeOfADefectOnDay40WhereStoreStandardAllowsOnly30() throws Exception {
        Claim defectOnDay40 = defectOnDay40("TV", "S-0001");

        Decision decision = chain.decide(defectOnDay40);

        assertThat(decision.outcome()).isEqualTo(Outcome.EXCHANGE);
        assertThat(decision.reasons()).extracting(Reason::rule).contains("S-0001 TV: store exchange window");
        assertThat(chain.render(defectOnDay40, Locale.ENGLISH).reasons()).extracting(RenderedDecision.Words::message)
                .contains("quality defect reported on day 40, within the 45-day exchange window of store S-0001");
    }

    @Test
    void aDefectOnDay40AtAStoreWithoutAPromotionIsRepairedFreeNotExchanged() throws Exception {
        // chain-130's store promotions are S-0001's; its claims are made at 10 stores
        Decision decision = chain.decide(defectOnDay40("DIGITAL", "S-0010"));

        assertThat(decision.outcome()).isEqualTo(Outcome.FREE_REPAIR);
        assertThat(decision.reasons()).extracting(Reason::rule).noneMatch(rule -> rule.contains("store exchange window"));
    }

    private static Claim defectOnDay40(String category, String store) {
        return Claim.builder("C-" + category, category + "-1").category(category).store(store).purchaseDate(BOUGHT)
                .claimDate(BOUGHT.plusDays(40)).qualityDefect(true).build();
    }
}
