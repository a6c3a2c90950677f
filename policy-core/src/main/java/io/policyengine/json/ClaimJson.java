package io.policyengine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.ClaimEvent;
import io.policyengine.model.Condition;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Product;
import io.policyengine.model.ServiceRequest;

import java.io.IOException;
import java.io.StringWriter;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one claim object (contract section 1) strictly: unknown fields, wrong types, impossible
 * dates and unknown enum values are {@link BadInputException}s whose message starts with the field's
 * path, as in {@code qualityDefect: expected true or false, got "yes"}, and names every bad field.
 *
 * <p>The fields are declared in {@link ClaimFields}; a new one is added there.
 */
public final class ClaimJson {

    private ClaimJson() {
    }

    /**
     * Converts one claim object to a {@link Claim}, applying the contract's defaults.
     *
     * @throws BadInputException naming every bad field, in the order the contract lists them (an object's unknown
     *         fields first); the checks across fields (a claim before its purchase) only when the fields are good
     */
    public static Claim parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new BadInputException("claim", "expected a JSON object, got " + Json.kind(node));
        }
        Claim.Builder claim = Claim.builder(null, null);
        List<BadInputException> problems = new ArrayList<>(0);
        ClaimFields.CLAIM.node(node, "", claim, problems);
        if (!problems.isEmpty()) throw BadInputException.of(problems);
        return claim.build();
    }

    /**
     * One JSON value from text, read as strictly as claims are (duplicate keys, nesting depth);
     * a problem is bad input of {@code what}, with a one-line message.
     */
    public static JsonNode readValue(String what, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(what, Json.problem(e));
        } catch (NumberFormatException e) {
            throw new BadInputException(what, "number out of range"); // 1e9999999999: no BigDecimal holds it
        }
    }

    /**
     * A date {@code YYYY-MM-DD} given outside a claim, such as {@code --as-of} or {@code ?asOf=}: the same
     * one-line bad input as a claim's date gets, naming {@code field} ({@code --as-of: 2026-02-30 is not a
     * date: February 2026 has 28 days}).
     */
    public static LocalDate date(String field, String text) {
        return Kind.date(field, text);
    }

    /** The claim as one line of JSON in the contract's shape, every field written out; {@link #parse} reads it back. */
    public static String toJson(Claim claim) {
        StringWriter out = new StringWriter(320);
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", claim.id());
            Product product = claim.product();
            json.writeObjectFieldStart("product");
            json.writeStringField("sku", product.sku());
            if (product.category() != null) json.writeStringField("category", product.category());
            if (product.price() != null) json.writeNumberField("price", product.price());
            json.writeStringField("saleType", product.saleType().name());
            json.writeBooleanField("customMade", product.customMade());
            json.writeEndObject();
            json.writeStringField("purchaseDate", claim.purchaseDate().toString());
            json.writeStringField("claimDate", claim.claimDate().toString());
            json.writeBooleanField("qualityDefect", claim.qualityDefect());
            if (claim.request() != null) json.writeStringField("request", claim.request().name());
            Condition condition = claim.condition();
            json.writeObjectFieldStart("condition");
            json.writeStringField("packaging", condition.packaging().name());
            json.writeBooleanField("accessoriesComplete", condition.accessoriesComplete());
            json.writeBooleanField("warrantyCard", condition.warrantyCard());
            json.writeBooleanField("usageTraces", condition.usageTraces());
            json.writeBooleanField("customerDamage", condition.customerDamage());
            if (condition.forceMajeure()) json.writeBooleanField("forceMajeure", true);
            json.writeEndObject();
            if (claim.channel() != Channel.STORE) json.writeStringField("channel", claim.channel().name());
            if (!claim.deliveryDate().equals(claim.purchaseDate())) {
                json.writeStringField("deliveryDate", claim.deliveryDate().toString());
            }
            if (claim.fault() != null) json.writeStringField("fault", claim.fault());
            if (!claim.repairHistory().isEmpty()) {
                json.writeArrayFieldStart("repairHistory");
                for (PastRepair repair : claim.repairHistory()) {
                    json.writeStartObject();
                    json.writeStringField("completedOn", repair.completedOn().toString());
                    json.writeStringField("fault", repair.fault());
                    if (repair.receivedOn() != null) json.writeStringField("receivedOn", repair.receivedOn().toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (claim.service() != null) {
                ServiceRequest service = claim.service();
                json.writeObjectFieldStart("service");
                json.writeStringField("reportedAt", service.reportedAt().toString());
                json.writeStringField("urgency", service.urgency().name());
                json.writeStringField("region", service.region().name());
                json.writeStringField("severity", service.severity().name());
                if (service.arrivedAt() != null) json.writeStringField("arrivedAt", service.arrivedAt().toString());
                json.writeEndObject();
            }
            if (claim.openRepair() != null) {
                json.writeObjectFieldStart("openRepair");
                json.writeStringField("receivedOn", claim.openRepair().receivedOn().toString());
                json.writeStringField("waitingFor", claim.openRepair().waitingFor().name());
                json.writeEndObject();
            }
            if (!claim.sameModelInStock()) json.writeBooleanField("sameModelInStock", false);
            if (!claim.events().isEmpty()) {
                json.writeArrayFieldStart("events");
                for (ClaimEvent event : claim.events()) {
                    json.writeStartObject();
                    json.writeStringField("type", event.type().name());
                    json.writeStringField("at", event.at().toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (claim.asOf() != null) json.writeStringField("asOf", claim.asOf().toString());
            if (!claim.withdrawalInformed()) json.writeBooleanField("withdrawalInformed", false);
            if (claim.store() != null) json.writeStringField("store", claim.store());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
