package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.json.ClaimSource.Item;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.EventType;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.Packaging;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Product;
import io.policyengine.model.Region;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;
import io.policyengine.model.ServiceRequest;
import io.policyengine.model.Severity;
import io.policyengine.model.Urgency;
import io.policyengine.model.WaitingFor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token reader only ever reads claims that the tree reader ({@link ClaimJson#parse}, which judges and names
 * problems) reads as the same claim, and it does read the good claims of every shape, so that they need no tree.
 */
class ClaimTokensTest {

    private static final int CLAIMS = 2_000;
    private static final int MUTATIONS = 10_000;
    /** Reads one value as JSON Lines read every line before there was a token reader: a tree, then the checks. */
    private static final ItemReader TREE_READER = new ItemReader("test") {
        @Override
        protected Item read() {
            return null;
        }
    };
    private static final List<JsonNode> ODD_VALUES = List.of(
            json("null"), json("true"), json("false"), json("0"), json("-0"), json("-1"), json("1.50"), json("1e2"),
            json("12345678901234567890"), json("\"\""), json("\" \""), json("\"x\""), json("\"REFUND\""), json("\"refund\""),
            json("\"2024-02-29\""), json("\"2026-02-29\""), json("\"2026-13-01\""), json("\"2026-04-31\""), json("\"0000-01-01\""),
            json("\"8998-12-31\""), json("\"8999-01-01\""), json("\"2026-3-1\""), json("\"2026-03-05T23:59\""),
            json("\"2026-03-05T24:00\""), json("\"2026-03-05T10:60\""), json("{}"), json("[]"), json("[{}]"), json("[null]"));
    private static final String ODD_CHARACTERS = "{}[],:\"\\ \t-.e0912aZntf\u00e9\u0000\u0001\u202e\u7535";

    @Test
    void readsEveryGoodClaimAsTheTreeReaderDoes() {
        Random random = new Random(21);
        for (int i = 0; i < CLAIMS; i++) {
            Claim claim = randomClaim(random, i);
            for (String line : shapes(ClaimJson.toJson(claim), random)) {
                assertThat(tokens(line)).as(line).isEqualTo(claim).isEqualTo(tree(line).claim());
            }
        }
    }

    @Test
    void readsNothingThatTheTreeReaderReadsOtherwise() {
        Random random = new Random(2121);
        int readByTokens = 0;
        int good = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String claim = ClaimJson.toJson(randomClaim(random, i));
            String line = mutate(random.nextInt(4) > 0 ? claim : "{\"claim\":" + claim + ",\"expect\":{\"remedies\":[\"REFUND\"]},\"note\":\"n\"}", random);
            Claim read = tokens(line);
            Item item = tree(line);
            if (read != null) {
                readByTokens++;
                assertThat(item.error()).as(line).isNull();
                assertThat(read).as(line).isEqualTo(item.claim());
            }
            if (!item.isError()) good++;
        }
        assertThat(good).as("mutated lines still good").isGreaterThan(MUTATIONS / 40);
        assertThat(readByTokens).as("of them, read by the token reader").isGreaterThan(good / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"claim\": %s, \"expect\": {\"remedies\": [\"REFUND\"], \"remedies\": []}}",
            "{\"claim\": %s, \"expect\": {}, \"claim\": %1$s}",
            "{\"claim\": %s, \"note\": 1e9999999999}",
            "{\"claim\": %s, \"id\": \"X\"}",
            "{\"expect\": {}, \"note\": \"no claim\"}",
            "{\"claim\": null}",
            "%s %1$s",
            "[%s]",
            "\uFEFF%s",
    })
    void leavesWhatIsNotOneGoodClaimToTheTreeReader(String shape) {
        String line = shape.formatted(ClaimJson.toJson(randomClaim(new Random(1), 1)));

        assertThat(tokens(line)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void readsALineOnlyAsUtf8(String charset) {
        byte[] line = ClaimJson.toJson(randomClaim(new Random(3), 3)).getBytes(Charset.forName(charset));

        assertThat(ClaimTokens.readLine(line)).isNull();
    }

    @Test
    void readsALineThatIsNotPlainAsciiFromItsText() {
        Claim claim = randomClaim(new Random(7), 7).toBuilder().id("电视-7").category("Télé").build();

        assertThat(tokens(ClaimJson.toJson(claim))).isEqualTo(claim);
    }

    /** The same claim written in the ways a good line may have it: fields in any order, as an example. */
    private static List<String> shapes(String line, Random random) {
        ObjectNode claim = (ObjectNode) json(line);
        ObjectNode example = Json.MAPPER.createObjectNode();
        example.put("note", "shuffled");
        example.set("claim", shuffled(claim, random));
        example.putObject("expect").putArray("remedies").add("REFUND");
        return List.of(line, shuffled(claim, random).toString(), example.toString(), line.replace(",\"", ", \"").replace("\":", "\": "));
    }

    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(shuffled(element, random)));
            return copy;
        }
        if (!node.isObject()) return node;
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        Collections.shuffle(fields, random);
        ObjectNode copy = Json.MAPPER.createObjectNode();
        fields.forEach(field -> copy.set(field.getKey(), shuffled(field.getValue(), random)));
        return copy;
    }

    /** One damage: a character deleted, added or changed, the line cut, a value replaced, a field repeated or added. */
    private static String mutate(String line, Random random) {
        int at = random.nextInt(line.length());
        char odd = ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length()));
        return switch (random.nextInt(6)) {
            case 0 -> line.substring(0, at) + line.substring(at + 1);
            case 1 -> line.substring(0, at) + odd + line.substring(at);
            case 2 -> line.substring(0, at) + odd + line.substring(at + 1);
            case 3 -> line.substring(0, at);
            case 4 -> withValue((ObjectNode) json(line), random).toString();
            default -> withFieldAgain(line, random);
        };
    }

    /** The claim with one field, at any depth, set to an odd value (or removed, or added where it does not belong). */
    private static JsonNode withValue(ObjectNode claim, Random random) {
        ObjectNode object = claim;
        while (true) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            JsonNode value = object.get(name);
            if (value.isArray() && !value.isEmpty() && random.nextBoolean()) value = value.get(random.nextInt(value.size()));
            if (value.isObject() && !value.isEmpty() && random.nextBoolean()) {
                object = (ObjectNode) value;
                continue;
            }
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name + (random.nextBoolean() ? "s" : ""), ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                default -> object.set(name, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
            }
            return claim;
        }
    }

    /** A field name written a second time in the same object, with another value. */
    private static String withFieldAgain(String line, Random random) {
        int name = line.indexOf(",\"", random.nextInt(line.length()));
        if (name < 0) name = line.indexOf(",\"");
        int end = line.indexOf("\":", name);
        return line.substring(0, end + 2) + "null,\"" + line.substring(name + 2, end) + "\":" + line.substring(end + 2);
    }

    private static Claim tokens(String line) {
        return ClaimTokens.readLine(line.getBytes(StandardCharsets.UTF_8));
    }

    private static Item tree(String line) {
        try (JsonParser parser = Json.FACTORY.createParser(line.startsWith("\uFEFF") ? line.substring(1) : line)) {
            if (parser.nextToken() == null) return TREE_READER.error(1, "no value");
            Item item = TREE_READER.readClaim(parser, 1);
            return parser.nextToken() == null ? item : TREE_READER.error(1, "more than one value");
        } catch (IOException e) {
            return TREE_READER.error(1, e.getMessage());
        }
    }

    /** A good claim with a random choice of the contract's fields, optional ones often left out. */
    private static Claim randomClaim(Random random, int n) {
        while (true) {
            LocalDate purchase = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(6 * 365));
            LocalDate claimDate = purchase.plusDays(random.nextInt(400));
            Claim.Builder claim = Claim.builder("C-" + n, null)
                    .product(new Product("SKU-" + n, random.nextBoolean() ? "TV" : null,
                            random.nextBoolean() ? new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(3)) : null,
                            pick(random, SaleType.values()), random.nextBoolean()))
                    .purchaseDate(purchase)
                    .claimDate(claimDate)
                    .qualityDefect(random.nextBoolean())
                    .request(random.nextBoolean() ? pick(random, Request.values()) : null)
                    .condition(new Condition(pick(random, Packaging.values()), random.nextBoolean(), random.nextBoolean(),
                            random.nextBoolean(), random.nextBoolean(), random.nextInt(10) == 0))
                    .channel(random.nextBoolean() ? pick(random, Channel.values()) : null)
                    .deliveryDate(random.nextBoolean() ? purchase.plusDays(random.nextInt(5)) : null)
                    .fault(random.nextBoolean() ? "NO_COOLING" : null)
                    .sameModelInStock(random.nextInt(5) > 0)
                    .withdrawalInformed(random.nextInt(5) > 0);
            for (int i = random.nextInt(3); i > 0; i--) {
                LocalDate completed = claimDate.minusDays(random.nextInt(300));
                claim.repair(new PastRepair(completed, "F" + i, random.nextBoolean() ? completed.minusDays(random.nextInt(9)) : null));
            }
            if (random.nextInt(4) == 0) {
                claim.service(new ServiceRequest(claimDate.atTime(random.nextInt(24), random.nextInt(60)),
                        pick(random, Urgency.values()), pick(random, Region.values()), pick(random, Severity.values()),
                        random.nextBoolean() ? claimDate.atTime(23, 59) : null));
            }
            if (random.nextInt(4) == 0) claim.openRepair(new OpenRepair(claimDate.minusDays(random.nextInt(30)), pick(random, WaitingFor.values())));
            for (int i = random.nextInt(3); i > 0; i--) claim.event(pick(random, EventType.values()), claimDate.plusDays(random.nextInt(60)));
            if (random.nextInt(4) == 0) claim.asOf(claimDate.plusDays(60 + random.nextInt(30)));
            if (random.nextInt(3) == 0) claim.store("SH-" + random.nextInt(100));
            try {
                return claim.build();
            } catch (BadInputException e) {
                // the events broke a rule of contract 12.1: draw again
            }
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
