package io.policyengine.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Packaging;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;

import java.util.List;

/**
 * Reads one claim object (contract section 1) strictly: unknown fields, wrong types, impossible
 * dates and unknown enum values are {@link BadInputException}s whose message starts with the field's
 * path, as in {@code qualityDefect: expected true or false, got "yes"}.
 *
 * <p>To add a field, add its name to the object's field list and read it with one typed reader.
 */
public final class ClaimJson {

    private static final List<String> CLAIM_FIELDS = List.of(
            "id", "product", "purchaseDate", "claimDate", "qualityDefect", "request", "condition");
    private static final List<String> PRODUCT_FIELDS = List.of("sku", "category", "price", "saleType", "customMade");
    private static final List<String> CONDITION_FIELDS = List.of(
            "packaging", "accessoriesComplete", "warrantyCard", "usageTraces", "customerDamage");

    private ClaimJson() {
    }

    /**
     * Converts one claim object to a {@link Claim}, applying the contract's defaults.
     *
     * @throws BadInputException naming the first bad field, in the order the contract lists them
     */
    public static Claim parse(JsonNode node) {
        StrictObject claim = StrictObject.root("claim", node, CLAIM_FIELDS);
        return new Claim(
                claim.requiredText("id"),
                product(claim.requiredObject("product", PRODUCT_FIELDS)),
                claim.requiredDate("purchaseDate"),
                claim.requiredDate("claimDate"),
                claim.requiredBool("qualityDefect"),
                claim.optionalEnum("request", Request.class),
                claim.optionalObject("condition", CONDITION_FIELDS).map(ClaimJson::condition).orElse(Condition.AS_SOLD));
    }

    private static Product product(StrictObject product) {
        return new Product(
                product.requiredText("sku"),
                product.optionalText("category"),
                product.optionalDecimal("price"),
                product.optionalEnum("saleType", SaleType.class),
                product.optionalBool("customMade", false));
    }

    private static Condition condition(StrictObject condition) {
        return new Condition(
                condition.optionalEnum("packaging", Packaging.class),
                condition.optionalBool("accessoriesComplete", true),
                condition.optionalBool("warrantyCard", true),
                condition.optionalBool("usageTraces", false),
                condition.optionalBool("customerDamage", false));
    }
}
