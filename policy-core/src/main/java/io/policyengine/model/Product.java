package io.policyengine.model;

import java.math.BigDecimal;

/**
 * The goods a claim is about.
 *
 * @param category free text such as {@code ELECTRONICS}; may be null
 * @param price    what was paid; may be null, never negative
 */
public record Product(String sku, String category, BigDecimal price, SaleType saleType, boolean customMade) {

    public Product {
        if (sku == null || sku.isBlank()) throw new BadInputException("product.sku", "missing or blank");
        if (price != null && price.signum() < 0) {
            throw new BadInputException("product.price", "must be >= 0, got " + price.toPlainString());
        }
        if (saleType == null) saleType = SaleType.REGULAR;
    }

    /** A regular-sale product with nothing else known. */
    public static Product of(String sku) {
        return new Product(sku, null, null, SaleType.REGULAR, false);
    }

    public Product withSaleType(SaleType type) {
        return new Product(sku, category, price, type, customMade);
    }

    public Product withCustomMade(boolean custom) {
        return new Product(sku, category, price, saleType, custom);
    }
}
