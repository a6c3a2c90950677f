package io.policyengine.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terms the build writes into each bundled rule file before the executable model is made of it: only a value that
 * every bundled pack holding the file gives that term, since one package's model serves the pack and its children.
 */
class BundledTermsInlinedTest {
    private static final Map<Path, Map<String, String>> TERMS = terms();

    private static Map<Path, Map<String, String>> terms() {
        try {
            return BundledTermsInlined.termsByFile();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> of(String pack, String file) throws Exception {
        return TERMS.get(PackFiles.bundledFolder(pack).resolve(file).toRealPath());
    }

    @Test
    void storeStandardsMoneyRulesWhichElectronicsPlusKeepsGetStoreStandardsTerms() throws Exception {
        assertThat(of("store-standard", "money.drl")).containsEntry("onlineSaleRefundDueDays", "(7)").containsEntry("currency", "(\"CNY\")")
                .containsEntry("noReasonReturnPostagePaidBy", "(io.policyengine.model.Payer.CUSTOMER)");
    }

    @Test
    void aWindowElectronicsPlusChangesIsWrittenIntoStoreStandardsFilesThatElectronicsPlusReplaces() throws Exception {
        // defect-tiers.drl is replaced in electronics-plus: only store-standard runs its rules, with 15 days
        assertThat(of("store-standard", "defect-tiers.drl")).containsEntry("defectRefundDays", "(15)");
        assertThat(of("electronics-plus", "defect-tiers.drl")).containsEntry("defectRefundDays", "(30)");
    }

    @Test
    void aTermANationalVariantChangesStaysAJoinInTheFloorsRules() throws Exception {
        // -se's and -pt's 36 months against the floor's 24: the floor's guarantee rules read Terms; -pt states the floor's 30 days
        assertThat(of("eu-consumer-law", "guarantee.drl")).doesNotContainKey("guaranteeMonths").containsEntry("reasonableRepairDays", "(30)");
        assertThat(of("eu-consumer-law", "withdrawal.drl")).containsEntry("withdrawalDays", "(14)");
    }

    @Test
    void followUpDutiesRepairDeadlineGetsItsSevenDaysWhichElectronicsPlusChangesOnlyInItsOwnFile() throws Exception {
        assertThat(of("follow-up-duties", "repair-deadline.drl")).containsEntry("repairDueDays", "(7)");
        assertThat(of("electronics-plus", "repair-deadline.drl")).containsEntry("repairDueDays", "(5)");
    }
}
