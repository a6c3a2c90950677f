package io.policyengine;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Money;
import io.policyengine.model.Payer;
import io.policyengine.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money block's numbers are pack data (contract 11.2): a policy author changes the refund deadline
 * or who pays a no-reason return's postage in pack.drl, and the decisions follow, with no Java edit.
 */
class MoneyTermsTest {
    private static final Claim ONLINE_NO_REASON_RETURN = Claim.builder("M-1", "KETTLE-1").price("199.90")
            .purchaseDate(LocalDate.of(2026, 3, 1)).claimDate(LocalDate.of(2026, 3, 4)).qualityDefect(false)
            .request(Request.REFUND).channel(Channel.ONLINE).build();

    @TempDir
    Path temp;

    @Test
    void theBundledTermsRefundWithinSevenDaysAndTheCustomerSendsANoReasonReturnBack() throws Exception {
        Money money = PolicyEngine.storeStandard().decide(ONLINE_NO_REASON_RETURN).money();

        assertThat(money).isEqualTo(new Money("CNY", new BigDecimal("199.90"), new BigDecimal("0.00"),
                LocalDate.of(2026, 3, 11), Payer.CUSTOMER));
    }

    @Test
    void aStoreThatAgreesToPayThePostageAndRefundsFasterSaysSoInItsTerms() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "pack.drl", "onlineSaleRefundDueDays     : int   = 7", "onlineSaleRefundDueDays     : int   = 3");
        PackCopy.edit(pack, "pack.drl", "= io.policyengine.model.Payer.CUSTOMER", "= io.policyengine.model.Payer.STORE");

        Decision decision = PolicyEngine.load(pack).decide(ONLINE_NO_REASON_RETURN);

        assertThat(decision.money().refundDueDate()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(decision.money().returnShipping()).isEqualTo(Payer.STORE);
        assertThat(decision.reasons()).anySatisfy(reason -> {
            assertThat(reason.rule()).isEqualTo("the postage of a no-reason return of goods sold online");
            assertThat(reason.params()).containsEntry("payer", "STORE");
        });
    }
}
