package io.policyengine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.ClaimEvent;
import io.policyengine.model.EventType;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.WaitingFor;
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
            {"claimDate": "2026-13-01"}                       | claimDate: 2026-13-01 is not a date: a year has months 01 to 12
            {"claimDate": "2026-02-30"}                       | claimDate: 2026-02-30 is not a date: February 2026 has 28 days
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
            {"sameModelInStock": "yes"}                       | sameModelInStock: expected true or false, got "yes"
            {"withdrawalInformed": "no"}                      | withdrawalInformed: expected true or false, got "no"
            {"withdrawalinformed": false}                     | withdrawalinformed: unknown field (did you mean withdrawalInformed?)
            {"store": ""}                                     | store: must not be blank
            {"store": 12}                                     | store: expected a string, got 12
            {"Store": "SH-0012"}                              | Store: unknown field (did you mean store?)
            {"openRepair": {"receivedOn": "2026-03-10", "waitingFor": "PARTS"}} | openRepair.receivedOn: 2026-03-10 is after claimDate 2026-03-09
            {"openRepair": {"receivedOn": "2026-03-05", "waitingFor": "SUPPLIER"}} | openRepair.waitingFor: expected one of PARTS, REPAIRER, got "SUPPLIER"
            {"openRepair": {"receivedOn": "2026-03-05"}}      | openRepair.waitingFor: missing
            {"openRepair": {"waitingFor": "PARTS"}}           | openRepair.receivedOn: missing
            {"repairHistory": [{"completedOn": "2026-03-04", "fault": "F", "receivedOn": "2026-03-05"}]} | repairHistory[0].receivedOn: 2026-03-05 is after its completedOn 2026-03-04
            {"repairHistory": [{"completedOn": "2026-03-04", "fault": "F", "receivedOn": "4 March"}]} | repairHistory[0].receivedOn: expected a date string YYYY-MM-DD, got "4 March"
            {"condition": {"forceMajeure": "no"}}             | condition.forceMajeure: expected true or false, got "no"
            {"events": {}}                                    | events: expected an array, got {}
            {"events": [{"type": "FIXED", "at": "2026-03-10"}]} | events[0].type: expected one of REPAIRED, UNREPAIRABLE, ESCALATED, DELAY_NOTIFIED, PICKUP_NOTIFIED, PICKED_UP, MAILED, SATISFACTION_CHECKED, OUT_OF_STOCK, STOCK_ORDERED, STOCK_FOUND, CUSTOMER_CONTACTED, STOCK_ARRIVED, got "FIXED"
            {"events": [{"type": "REPAIRED"}]}                | events[0].at: missing
            {"events": [{"type": "REPAIRED", "at": "2026-03-08"}]} | events[0].at: REPAIRED on 2026-03-08 is before claimDate 2026-03-09
            {"events": [{"type": "REPAIRED", "at": "2026-03-10", "by": "Li"}]} | events[0].by: unknown field
            {"events": [{"type": "REPAIRED", "at": "2026-03-10"}, {"type": "REPAIRED", "at": "2026-03-12"}]} | events[1]: a second REPAIRED (the first is events[0], on 2026-03-10)
            {"events": [{"type": "PICKED_UP", "at": "2026-03-10"}, {"type": "REPAIRED", "at": "2026-03-12"}]} | events[0]: PICKED_UP on 2026-03-10 is before REPAIRED on 2026-03-12 (events[1])
            {"events": [{"type": "REPAIRED", "at": "2026-03-12"}], "asOf": "2026-03-11"} | asOf: 2026-03-11 is before events[0], REPAIRED on 2026-03-12
            {"asOf": "2026-03-08"}                            | asOf: 2026-03-08 is before claimDate 2026-03-09
            """)
    void rejectsBadFieldsNamingTheField(String patch, String expected) {
        ObjectNode claim = (ObjectNode) json(MINIMAL);
        claim.setAll((ObjectNode) json(patch));

        assertThatThrownBy(() -> ClaimJson.parse(claim))
                .isInstanceOf(BadInputException.class)
                .hasMessage(expected);
    }

    @Test
    void readsTheFieldsOfContractFive() {
        Claim claim = parse("""
                {"repairHistory": [{"completedOn": "2026-03-04", "fault": "F", "receivedOn": "2026-03-02"}],
                 "openRepair": {"receivedOn": "2026-03-05", "waitingFor": "PARTS"}, "sameModelInStock": false,
                 "condition": {"forceMajeure": true},
                 "events": [{"type": "PICKUP_NOTIFIED", "at": "2026-03-12"}, {"type": "REPAIRED", "at": "2026-03-11"}]}""");

        assertThat(claim.repairHistory().get(0).daysInRepair()).isEqualTo(2);
        assertThat(claim.openRepair()).isEqualTo(new OpenRepair(LocalDate.parse("2026-03-05"), WaitingFor.PARTS));
        assertThat(claim.sameModelInStock()).isFalse();
        assertThat(claim.condition().forceMajeure()).isTrue();
        assertThat(claim.events()).extracting(ClaimEvent::type).containsExactly(EventType.PICKUP_NOTIFIED, EventType.REPAIRED);
        assertThat(claim.asOf()).isNull();
        assertThat(claim.judgedOn()).as("the latest event, with no asOf").isEqualTo(LocalDate.parse("2026-03-12"));
        assertThat(ClaimJson.parse(json(ClaimJson.toJson(claim)))).as("written and read back").isEqualTo(claim);
    }

    @Test
    void defaultsTheFieldsOfContractFive() {
        Claim claim = parse("{}");

        assertThat(claim.openRepair()).isNull();
        assertThat(claim.sameModelInStock()).isTrue();
        assertThat(claim.condition().forceMajeure()).isFalse();
        assertThat(claim.events()).isEmpty();
        assertThat(claim.judgedOn()).isEqualTo(claim.claimDate());
    }

    @Test
    void readsWhetherTheCustomerWasToldOfTheWithdrawalRight() {
        assertThat(parse("{}").withdrawalInformed()).as("contract 16: told, unless the claim says otherwise").isTrue();
        Claim notTold = parse("{\"withdrawalInformed\": false}");

        assertThat(notTold.withdrawalInformed()).isFalse();
        assertThat(ClaimJson.toJson(notTold)).contains("\"withdrawalInformed\":false");
        assertThat(ClaimJson.parse(json(ClaimJson.toJson(notTold)))).as("written and read back").isEqualTo(notTold);
        assertThat(ClaimJson.toJson(parse("{}"))).as("the default is not written").doesNotContain("withdrawalInformed");
    }

    @Test
    void takesDatesUpToTheLastDayOfTheYear8999() {
        assertThat(parse("{\"purchaseDate\": \"8999-12-31\", \"claimDate\": \"8999-12-31\"}").claimDate())
                .isEqualTo(LocalDate.of(8999, 12, 31));
        assertThatThrownBy(() -> parse("{\"claimDate\": \"9000-01-01\"}"))
                .hasMessageStartingWith("claimDate: 9000-01-01 is out of range: the year must be 8999 or earlier");
    }

    @Test
    void writesAnUnknownFieldNameWithControlCharactersOnOneLine() {
        assertThatThrownBy(() -> parse("{\"chan\\nel\\u0000\\u202e\": 1}"))
                .hasMessage("chan\\nel\\u0000\\u202e: unknown field");
    }

    @Test
    void reportsUnknownFieldsBeforeMissingOnes() {
        assertThatThrownBy(() -> ClaimJson.parse(json("{\"ID\": \"C-1\"}")))
                .hasMessage("ID: unknown field (did you mean id?); product: missing; purchaseDate: missing; claimDate: missing;"
                        + " qualityDefect: missing");
    }

    @Test
    void namesTwoBadFieldsInTheContractsOrder() {
        assertThatThrownBy(() -> parse("{\"claimDate\": \"2026-02-30\", \"qualityDefect\": \"yes\"}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("claimDate: 2026-02-30 is not a date: February 2026 has 28 days;"
                        + " qualityDefect: expected true or false, got \"yes\"")
                .extracting(e -> ((BadInputException) e).field()).as("the first bad field").isEqualTo("claimDate");
    }

    @Test
    void namesThreeBadFieldsAtAnyDepthInTheContractsOrder() {
        assertThatThrownBy(() -> parse("""
                {"events": [{"type": "REPAIRED", "at": "2026-03-10"}, {"type": "MAILED", "at": "2026-04-31"}],
                 "qualityDefect": "yes", "product": {"sku": "S", "price": -5}}"""))
                .hasMessage("product.price: must be >= 0, got -5; qualityDefect: expected true or false, got \"yes\";"
                        + " events[1].at: 2026-04-31 is not a date: April 2026 has 30 days");
    }

    @Test
    void namesAnObjectsUnknownFieldsBeforeItsBadOnes() {
        assertThatThrownBy(() -> parse("{\"product\": {\"sku\": \"\", \"colour\": \"red\"}, \"store\": \" \"}"))
                .hasMessage("product.colour: unknown field; product.sku: must not be blank; store: must not be blank");
    }

    @Test
    void checksAcrossFieldsOnlyWhenTheFieldsAreGood() {
        assertThatThrownBy(() -> parse("{\"claimDate\": \"2026-02-01\", \"request\": \"RETURN\"}"))
                .as("the claim before its purchase is not said while another field is bad")
                .hasMessage("request: expected one of REFUND, EXCHANGE, REPAIR, got \"RETURN\"");
    }

    @Test
    void takesAMissingFieldForTheTypoThatAnUnknownOneIs() {
        ObjectNode claim = (ObjectNode) json(MINIMAL);
        claim.set("qualitydefect", claim.remove("qualityDefect"));
        claim.put("request", "RETURN");

        assertThatThrownBy(() -> ClaimJson.parse(claim))
                .hasMessage("qualitydefect: unknown field (did you mean qualityDefect?);"
                        + " request: expected one of REFUND, EXCHANGE, REPAIR, got \"RETURN\"");
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
