package io.policyengine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Packaging;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimJsonTest {

    static final String CONTRACT_SAMPLE = """
            {
              "id": "C-1001",
              "product": {
                "sku": "TV-55-X1",
                "category": "ELECTRONICS",
                "price": 3299.00,
                "saleType": "REGULAR",
                "customMade": false
              },
              "purchaseDate": "2026-03-01",
              "claimDate": "2026-03-09",
              "qualityDefect": true,
              "request": "REFUND",
              "condition": {
                "packaging": "INTACT",
                "accessoriesComplete": true,
                "warrantyCard": true,
                "usageTraces": false,
                "customerDamage": false
              }
            }
            """;

    static final String MINIMAL = """
            {"id": "C-1", "product": {"sku": "SKU-1"}, "purchaseDate": "2026-03-01",
             "claimDate": "2026-03-09", "qualityDefect": false}""";

    @Test
    void readsTheContractSample() {
        Claim claim = ClaimJson.parse(json(CONTRACT_SAMPLE));

        assertThat(claim.id()).isEqualTo("C-1001");
        assertThat(claim.product().sku()).isEqualTo("TV-55-X1");
        assertThat(claim.product().category()).isEqualTo("ELECTRONICS");
        assertThat(claim.product().price()).hasToString("3299.00");
        assertThat(claim.product().saleType()).isEqualTo(SaleType.REGULAR);
        assertThat(claim.product().customMade()).isFalse();
        assertThat(claim.purchaseDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(claim.claimDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(claim.qualityDefect()).isTrue();
        assertThat(claim.request()).isEqualTo(Request.REFUND);
        assertThat(claim.condition()).isEqualTo(Condition.AS_SOLD);
    }

    @Test
    void readsNonDefaultValues() {
        Claim claim = parse("""
                {"product": {"sku": "S", "price": 0, "saleType": "GIFT", "customMade": true},
                 "request": "REPAIR",
                 "condition": {"packaging": "MISSING", "accessoriesComplete": false, "warrantyCard": false,
                               "usageTraces": true, "customerDamage": true}}""");

        assertThat(claim.product().price()).isZero();
        assertThat(claim.product().saleType()).isEqualTo(SaleType.GIFT);
        assertThat(claim.product().customMade()).isTrue();
        assertThat(claim.request()).isEqualTo(Request.REPAIR);
        assertThat(claim.condition()).isEqualTo(new Condition(Packaging.MISSING, false, false, true, true));
    }

    @Test
    void appliesTheContractDefaults() {
        Claim claim = ClaimJson.parse(json(MINIMAL));

        assertThat(claim.product().category()).isNull();
        assertThat(claim.product().price()).isNull();
        assertThat(claim.product().saleType()).isEqualTo(SaleType.REGULAR);
        assertThat(claim.product().customMade()).isFalse();
        assertThat(claim.request()).isNull();
        assertThat(claim.condition()).isEqualTo(Condition.AS_SOLD);
    }

    @Test
    void treatsAnExplicitNullOnAnOptionalFieldAsAbsent() {
        Claim claim = parse("""
                {"product": {"sku": "S", "category": null, "price": null, "saleType": null, "customMade": null},
                 "request": null,
                 "condition": {"packaging": null, "accessoriesComplete": null, "warrantyCard": null,
                               "usageTraces": null, "customerDamage": null}}""");

        assertThat(claim).isEqualTo(ClaimJson.parse(json(MINIMAL)).withProduct(
                new Product("S", null, null, SaleType.REGULAR, false)));
        assertThat(parse("{\"condition\": null}").condition()).isEqualTo(Condition.AS_SOLD);
        assertThat(parse("{\"condition\": {}}").condition()).isEqualTo(Condition.AS_SOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "product", "purchaseDate", "claimDate", "qualityDefect"})
    void reportsAnAbsentRequiredFieldAsMissing(String field) {
        ObjectNode claim = (ObjectNode) json(MINIMAL);
        claim.remove(field);

        assertThatThrownBy(() -> ClaimJson.parse(claim))
                .isInstanceOf(BadInputException.class)
                .hasMessage(field + ": missing")
                .extracting(e -> ((BadInputException) e).field()).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"qualityDefect": "yes"}                          | qualityDefect: expected true or false, got "yes"
            {"qualityDefect": null}                           | qualityDefect: missing
            {"qualityDefect": 1}                              | qualityDefect: expected true or false, got 1
            {"claimDate": 20260112}                           | claimDate: expected a date string YYYY-MM-DD, got 20260112
            {"claimDate": "2026-13-01"}                       | claimDate: 2026-13-01 is not a valid date
            {"claimDate": "2026-02-30"}                       | claimDate: 2026-02-30 is not a valid date
            {"claimDate": "2026-02-01"}                       | claimDate: 2026-02-01 is before purchaseDate 2026-03-01
            {"purchaseDate": "2026-3-1"}                      | purchaseDate: expected a date string YYYY-MM-DD, got "2026-3-1"
            {"purchaseDate": "2026-03-01T10:00"}              | purchaseDate: expected a date string YYYY-MM-DD, got "2026-03-01T10:00"
            {"purchaseDate": "+2026-03-01"}                   | purchaseDate: expected a date string YYYY-MM-DD, got "+2026-03-01"
            {"purchaseDate": ["2026-03-01"]}                  | purchaseDate: expected a date string YYYY-MM-DD, got ["2026-03-01"]
            {"id": 42}                                        | id: expected a string, got 42
            {"id": "   "}                                     | id: must not be blank
            {"id": null}                                      | id: missing
            {"product": null}                                 | product: missing
            {"product": "TV"}                                 | product: expected a JSON object, got a string
            {"product": {}}                                   | product.sku: missing
            {"product": {"sku": ""}}                          | product.sku: must not be blank
            {"product": {"sku": "S", "price": "12"}}          | product.price: expected a number, got "12"
            {"product": {"sku": "S", "price": -5}}            | product.price: must be >= 0, got -5
            {"product": {"sku": "S", "price": -0.50}}         | product.price: must be >= 0, got -0.50
            {"product": {"sku": "S", "saleType": "SALE"}}     | product.saleType: expected one of REGULAR, SPECIAL_PRICE, GIFT, got "SALE"
            {"product": {"sku": "S", "saleType": "regular"}}  | product.saleType: expected one of REGULAR, SPECIAL_PRICE, GIFT, got "regular"
            {"product": {"sku": "S", "saleType": 1}}          | product.saleType: expected one of REGULAR, SPECIAL_PRICE, GIFT, got 1
            {"product": {"sku": "S", "customMade": "no"}}     | product.customMade: expected true or false, got "no"
            {"product": {"sku": "S", "category": 7}}          | product.category: expected a string, got 7
            {"product": {"sku": "S", "colour": "red"}}        | product.colour: unknown field
            {"product": {"sku": "S", "Price": 1}}             | product.Price: unknown field (did you mean price?)
            {"request": "RETURN"}                             | request: expected one of REFUND, EXCHANGE, REPAIR, got "RETURN"
            {"condition": []}                                 | condition: expected a JSON object, got an array
            {"condition": true}                               | condition: expected a JSON object, got a boolean
            {"condition": {"packaging": "OPEN"}}              | condition.packaging: expected one of INTACT, DAMAGED, MISSING, got "OPEN"
            {"condition": {"usageTraces": 1}}                 | condition.usageTraces: expected true or false, got 1
            {"condition": {"colour": "red"}}                  | condition.colour: unknown field
            {"condition": {"warantyCard": true}}              | condition.warantyCard: unknown field (did you mean warrantyCard?)
            {"qualitydefect": true}                           | qualitydefect: unknown field (did you mean qualityDefect?)
            {"purchaseDat": "2026-03-01"}                     | purchaseDat: unknown field (did you mean purchaseDate?)
            {"notes": "x"}                                    | notes: unknown field
            {"expect": {}}                                    | expect: unknown field
            {"qualityDefect": "a very long string that goes on and on and on"} | qualityDefect: expected true or false, got "a very long string that goes on and ...
            {"qualityDefect": {"nested": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}} | qualityDefect: expected true or false, got {"nested":[1,2,3,4,5,6,7,8,9,10,11]}
            """)
    void rejectsBadFieldsNamingTheField(String patch, String expected) {
        ObjectNode claim = (ObjectNode) json(MINIMAL);
        claim.setAll((ObjectNode) json(patch));

        assertThatThrownBy(() -> ClaimJson.parse(claim))
                .isInstanceOf(BadInputException.class)
                .hasMessage(expected);
    }

    @Test
    void reportsUnknownFieldsBeforeMissingOnes() {
        assertThatThrownBy(() -> ClaimJson.parse(json("{\"ID\": \"C-1\"}")))
                .hasMessage("ID: unknown field (did you mean id?)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            42       | claim: expected a JSON object, got a number
            "C-1"    | claim: expected a JSON object, got a string
            [{}]     | claim: expected a JSON object, got an array
            null     | claim: expected a JSON object, got null
            false    | claim: expected a JSON object, got a boolean
            """)
    void rejectsAClaimThatIsNotAnObject(String value, String expected) {
        assertThatThrownBy(() -> ClaimJson.parse(json(value))).hasMessage(expected);
    }

    private static Claim parse(String patch) {
        ObjectNode claim = (ObjectNode) json(MINIMAL);
        claim.setAll((ObjectNode) json(patch));
        return ClaimJson.parse(claim);
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
