package io.policyengine;

import io.policyengine.facts.RefundAmount;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Money;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract 17, amounts: a price is in the currency's minor units (CNY has 2), the amount kept back is
 * between 0 and the price, and the refund is the price less it, to the last fen.
 */
class MoneyToTheCentTest {
    private static final PolicyEngine STORE = PolicyEngine.storeStandard();
    private static final PolicyEngine WITH_THE_LAW = withTheLaw();

    private static PolicyEngine withTheLaw() {
        try {
            return PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law"));
        } catch (RuleLoadException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A quality defect within the 7-day refund window: the full price back (art. 7). */
    private static Claim refundOnDay2(String price) {
        return Claim.builder("R-" + price, "KETTLE-1").price(price)
                .purchaseDate(LocalDate.of(2026, 1, 10)).claimDate(LocalDate.of(2026, 1, 12))
                .qualityDefect(true).request(Request.REFUND).build();
    }

    /**
     * 三包 art. 11 and 13: a phone repaired twice in its warranty fails again on day 300 and the customer wants
     * the money; the same model is in stock, so 0.5 % a day of use is kept back: 150 %, more than the price.
     */
    private static Claim phoneRefundOnDay300(String price) {
        LocalDate bought = LocalDate.of(2025, 3, 1);
        return Claim.builder("PHONE-" + price, "PHONE-X9").category("MOBILE_PHONE").price(price)
                .purchaseDate(bought).claimDate(bought.plusDays(300)).qualityDefect(true).request(Request.REFUND)
                .repair(new PastRepair(bought.plusDays(100), "NO_SIGNAL"))
                .repair(new PastRepair(bought.plusDays(200), "NO_SIGNAL")).build();
    }

    @Test
    @DisplayName("a price with a third decimal is bad input naming product.price, where it used to refund 12.35 of 12.345")
    void aPriceBeyondTheFenIsBadInput() {
        assertThatThrownBy(() -> STORE.decide(refundOnDay2("12.345")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("product.price: 12.345 has more decimals than CNY has: 2");
        assertThatThrownBy(() -> STORE.check(refundOnDay2("12.345")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("product.price: ");
    }

    @Test
    @DisplayName("the phone at 10.005 under 三包 art. 13 is bad input, where it used to refund -0.01")
    void thePhoneAtTenPointZeroZeroFiveIsBadInput() {
        assertThatThrownBy(() -> WITH_THE_LAW.decide(phoneRefundOnDay300("10.005")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("product.price: 10.005 has more decimals than CNY has: 2");
    }

    @Test
    @DisplayName("trailing zeros are no decimals: 12.340 is 12.34 and refunds 12.34")
    void trailingZerosAreNotDecimals() {
        assertThat(STORE.decide(refundOnDay2("12.340")).money().refund()).isEqualByComparingTo("12.34");
        assertThat(STORE.decide(refundOnDay2("12")).money().refund()).isEqualTo(new BigDecimal("12.00"));
    }

    @Test
    @DisplayName("the phone used long enough to owe more than its price keeps the whole price back: a refund of 0.00, never below")
    void depreciationIsCappedAtThePrice() {
        Decision decision = WITH_THE_LAW.decide(phoneRefundOnDay300("10.01"));

        Money money = decision.money();
        assertThat(money.depreciation()).isEqualTo(new BigDecimal("10.01"));
        assertThat(money.refund()).isEqualTo(new BigDecimal("0.00"));
        assertThat(STORE.wording(Locale.ENGLISH).summary(decision)).doesNotContain("-0");
    }

    @Test
    @DisplayName("the fee is rounded to the fen before it is capped at the price, so rounding never lifts it past the price")
    void roundedBeforeCapped() {
        BigDecimal price = new BigDecimal("10.005");

        assertThat(RefundAmount.depreciation(price, new BigDecimal("0.5"), 400)).isLessThanOrEqualTo(price);
        assertThat(RefundAmount.depreciation(new BigDecimal("3299.00"), new BigDecimal("0.5"), 33))
                .isEqualTo(new BigDecimal("544.34")); // 544.335 half up
    }

    @Test
    @DisplayName("a currency's minor units come from ISO 4217: CNY and EUR 2, JPY 0; an unknown code counts 2")
    void minorUnitsOfTheCurrency() {
        assertThat(List.of(Money.minorUnits("CNY"), Money.minorUnits("EUR"), Money.minorUnits("JPY"),
                Money.minorUnits("XYZ"), Money.minorUnits(null))).containsExactly(2, 2, 0, 2, 2);
    }
}
