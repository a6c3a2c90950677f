package io.policyengine.check;

import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Packaging;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A systematic set of claims around a pack's terms: every day from the purchase to just past the
 * longest window, from purchases on ordinary days, month ends and a leap day, with and without a
 * defect, for every request, in each non-default condition alone.
 */
public final class ClaimSpace {
    private static final List<LocalDate> PURCHASES = List.of(
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 11, 30), LocalDate.of(2024, 2, 29));
    private static final int MAX_DAYS = 800;

    private ClaimSpace() {
    }

    /** The claims around {@code terms}: a term named ...Months counts as that many months of days. */
    public static List<Claim> around(Map<String, Object> terms) {
        int lastDay = 0;
        for (Map.Entry<String, Object> term : terms.entrySet()) {
            if (term.getValue() instanceof Integer value) {
                int days = term.getKey().endsWith("Months") ? value * 31 : value;
                lastDay = Math.max(lastDay, days);
            }
        }
        lastDay = Math.min(MAX_DAYS, lastDay + 2);
        List<Claim> claims = new ArrayList<>();
        List<Product> products = List.of(Product.of("SKU"), Product.of("SKU").withCustomMade(true),
                Product.of("SKU").withSaleType(SaleType.SPECIAL_PRICE), Product.of("SKU").withSaleType(SaleType.GIFT));
        List<Condition> conditions = List.of(Condition.AS_SOLD,
                Condition.AS_SOLD.withPackaging(Packaging.DAMAGED), Condition.AS_SOLD.withPackaging(Packaging.MISSING),
                Condition.AS_SOLD.withAccessoriesComplete(false), Condition.AS_SOLD.withWarrantyCard(false),
                Condition.AS_SOLD.withUsageTraces(true), Condition.AS_SOLD.withCustomerDamage(true));
        List<Request> requests = new ArrayList<>(List.of(Request.values()));
        requests.add(null);
        int n = 0;
        for (LocalDate purchase : PURCHASES) {
            for (int day = 0; day <= lastDay; day++) {
                for (boolean defect : new boolean[]{false, true}) {
                    for (Request request : requests) {
                        for (Product product : products) {
                            // a product variant with the as-sold condition, or the plain product in each condition
                            if (product != products.get(0)) {
                                claims.add(claim(++n, product, purchase, day, defect, request, Condition.AS_SOLD));
                                continue;
                            }
                            for (Condition condition : conditions) {
                                claims.add(claim(++n, product, purchase, day, defect, request, condition));
                            }
                        }
                    }
                }
            }
        }
        return claims;
    }

    private static Claim claim(int n, Product product, LocalDate purchase, int day, boolean defect,
                               Request request, Condition condition) {
        return new Claim("SPACE-" + n, product, purchase, purchase.plusDays(day), defect, request, condition);
    }
}
