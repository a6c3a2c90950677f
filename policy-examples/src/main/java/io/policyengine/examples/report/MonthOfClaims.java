package io.policyengine.examples.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.json.ClaimJson;
import io.policyengine.model.Claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A month of claims at an electronics store, for the report's examples: a mix of ages, defects, requests,
 * conditions, online sales and service visits (some engineers late, some faults back after a repair), in
 * which one product's fault keeps coming back: {@value #RECURRING_SKU} with {@value #RECURRING_FAULT}.
 * Every other (SKU, fault) stays under the early-warning threshold of 3. The same seed gives the same month.
 */
public final class MonthOfClaims {
    public static final String RECURRING_SKU = "AC-12K-Z3";
    public static final String RECURRING_FAULT = "NO_COOLING";
    /** The recurring fault's claims in the month: well over the default threshold of 3. */
    static final int RECURRING_CLAIMS = 7;
    /** Any other (SKU, fault) gets at most this many defect claims in the month. */
    private static final int OTHER_CLAIMS_PER_FAULT = 2;

    private record Product(String sku, String category, String price, List<String> faults) {
    }

    private static final List<Product> CATALOGUE = List.of(
            new Product("TV-55-X1", "TV", "3299.00", List.of("NO_PICTURE", "NO_SOUND", "DEAD_PIXELS", "REMOTE_DEAD")),
            new Product("TV-65-Q7", "TV", "5999.00", List.of("NO_PICTURE", "BACKLIGHT_BLEED", "WIFI_DROPS")),
            new Product(RECURRING_SKU, "AIR_CONDITIONER", "2899.00", List.of(RECURRING_FAULT, "WATER_LEAK", "NOISE", "REMOTE_DEAD")),
            new Product("AC-9K-M1", "AIR_CONDITIONER", "2199.00", List.of("NO_COOLING", "WATER_LEAK", "ERROR_E1")),
            new Product("RF-450-B", "REFRIGERATOR", "3599.00", List.of("NOT_COLD", "NOISE", "ICE_BUILDUP")),
            new Product("WM-8KG-F2", "WASHING_MACHINE", "2399.00", List.of("NO_SPIN", "WATER_LEAK", "DOOR_LOCK")),
            new Product("PH-A15", "MOBILE_PHONE", "1999.00", List.of("BATTERY_DRAIN", "NO_CHARGE", "SCREEN_FLICKER", "CAMERA_BLUR")),
            new Product("PH-P9", "MOBILE_PHONE", "4299.00", List.of("BATTERY_DRAIN", "NO_SIGNAL", "SPEAKER_CRACKLE")),
            new Product("LT-14-P", "COMPUTER", "5499.00", List.of("NO_BOOT", "KEYBOARD_KEYS", "FAN_NOISE")),
            new Product("HP-BT-7", "ELECTRONICS", "399.00", List.of("NO_PAIRING", "ONE_SIDE_SILENT")),
            new Product("KT-17-S", "SMALL_APPLIANCE", "159.00", List.of("NO_HEAT", "LEAKS")));

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MonthOfClaims() {
    }

    /** About {@code perDay} claims for each day of {@code month}, in claim-date order. */
    public static List<Claim> of(YearMonth month, int perDay, long seed) {
        List<Claim> claims = new ArrayList<>();
        forEachDay(month, perDay, seed, claims::addAll);
        return claims;
    }

    /**
     * The claims of {@link #of}, in the same order, handed over a day at a time, so that a month of any size
     * is never in memory whole: the days are drawn twice, first only to reach the draws of the recurring
     * fault's claims, which come after every day's, then again to hand each day over with its recurring claims.
     */
    public static void forEachDay(YearMonth month, int perDay, long seed, Consumer<List<Claim>> day) {
        Random random = new Random(seed);
        int number = days(random, month, perDay, new HashMap<>(), null);
        // the recurring fault: RECURRING_CLAIMS claims spread over 23 days from the 4th of the month
        Map<LocalDate, List<Claim>> recurring = new HashMap<>();
        for (int i = 0; i < RECURRING_CLAIMS; i++) {
            LocalDate claimDate = month.atDay(4 + i * 23 / (RECURRING_CLAIMS - 1));
            ObjectNode claim = defectWithService(random, "C-" + month + "-" + String.format("%04d", ++number), claimDate,
                    CATALOGUE.get(2), RECURRING_FAULT);
            recurring.computeIfAbsent(claimDate, d -> new ArrayList<>()).add(ClaimJson.parse(claim));
        }
        days(new Random(seed), month, perDay, new HashMap<>(), (claimDate, claims) -> {
            claims.addAll(recurring.getOrDefault(claimDate, List.of()));
            day.accept(claims);
        });
    }

    /** Draws the days' claims, handing each day's to {@code day} when it is not null; returns how many there were. */
    private static int days(Random random, YearMonth month, int perDay, Map<String, Integer> faultsUsed,
                            java.util.function.BiConsumer<LocalDate, List<Claim>> day) {
        int number = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate claimDate = month.atDay(d);
            int today = Math.max(1, perDay + random.nextInt(5) - 2);
            List<Claim> claims = day == null ? null : new ArrayList<>(today);
            for (int i = 0; i < today; i++) {
                ObjectNode claim = claim(random, "C-" + month + "-" + String.format("%04d", ++number), claimDate, faultsUsed);
                if (claims != null) claims.add(ClaimJson.parse(claim));
            }
            if (day != null) day.accept(claimDate, claims);
        }
        return number;
    }

    private static ObjectNode claim(Random random, String id, LocalDate claimDate, Map<String, Integer> faultsUsed) {
        Product product = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
        boolean defect = random.nextInt(100) < 60;
        if (defect && random.nextInt(100) < 45) {
            String fault = product.faults().get(random.nextInt(product.faults().size()));
            if (product.sku().equals(RECURRING_SKU) && fault.equals(RECURRING_FAULT)) fault = "NOISE";
            int used = faultsUsed.merge(product.sku() + " " + fault, 1, Integer::sum);
            if (used <= OTHER_CLAIMS_PER_FAULT) return defectWithService(random, id, claimDate, product, fault);
        }
        ObjectNode claim = base(random, id, claimDate, product, defect);
        long age = claimDate.toEpochDay() - LocalDate.parse(claim.get("purchaseDate").asText()).toEpochDay();
        // customers mostly ask for what their goods' age allows, not always
        claim.put("request", age <= 7 ? pick(random, "REFUND", 60, "EXCHANGE", 25, "REPAIR", 5, null, 10)
                : age <= 15 ? pick(random, "REFUND", 30, "EXCHANGE", 40, "REPAIR", 20, null, 10)
                : age <= 30 ? pick(random, "REFUND", 10, "EXCHANGE", 50, "REPAIR", 30, null, 10)
                : pick(random, "REFUND", 5, "EXCHANGE", 10, "REPAIR", 75, null, 10));
        ObjectNode condition = claim.putObject("condition");
        condition.put("packaging", pick(random, "INTACT", 85, "DAMAGED", 10, "MISSING", 5));
        condition.put("accessoriesComplete", random.nextInt(100) >= 6);
        condition.put("warrantyCard", random.nextInt(100) >= 4);
        condition.put("usageTraces", !defect && random.nextInt(100) < 25);
        condition.put("customerDamage", random.nextInt(100) < 4);
        if (random.nextInt(100) < 30) {
            claim.put("channel", "ONLINE");
            LocalDate purchase = LocalDate.parse(claim.get("purchaseDate").asText());
            LocalDate delivered = purchase.plusDays(1 + random.nextInt(3));
            if (!delivered.isAfter(claimDate)) claim.put("deliveryDate", delivered.toString());
        }
        return claim;
    }

    /** A quality defect with its fault, reported for a visit by an engineer, who may come late or find it came back. */
    private static ObjectNode defectWithService(Random random, String id, LocalDate claimDate, Product product, String fault) {
        ObjectNode claim = base(random, id, claimDate, product, true);
        claim.put("request", pick(random, "REPAIR", 70, "EXCHANGE", 15, "REFUND", 15));
        claim.put("fault", fault);
        LocalDate purchase = LocalDate.parse(claim.get("purchaseDate").asText());
        if (random.nextInt(100) < 25 && purchase.plusDays(10).isBefore(claimDate)) {
            LocalDate repaired = claimDate.minusDays(3 + random.nextInt(Math.min(40, (int) (claimDate.toEpochDay() - purchase.toEpochDay()) - 4)));
            ObjectNode repair = claim.putArray("repairHistory").addObject();
            repair.put("completedOn", repaired.toString());
            repair.put("fault", fault);
        }
        LocalDateTime reported = claimDate.atTime(8 + random.nextInt(10), random.nextInt(4) * 15);
        ObjectNode service = claim.putObject("service");
        service.put("reportedAt", reported.toString());
        service.put("urgency", pick(random, "NORMAL", 75, "URGENT", 20, "CRITICAL", 5));
        String region = pick(random, "CITY", 70, "SUBURB", 30);
        service.put("region", region);
        service.put("severity", pick(random, "MAJOR", 65, "MINOR", 35));
        if (random.nextInt(100) < 80) {
            int promisedMinutes = region.equals("CITY") ? 120 : 240;
            int minutes = random.nextInt(100) < 15 ? promisedMinutes + 10 + random.nextInt(90) : 30 + random.nextInt(promisedMinutes - 30);
            service.put("arrivedAt", reported.plusMinutes(minutes).toString());
        }
        return claim;
    }

    private static ObjectNode base(Random random, String id, LocalDate claimDate, Product product, boolean defect) {
        ObjectNode claim = JSON.objectNode();
        claim.put("id", id);
        ObjectNode item = claim.putObject("product");
        item.put("sku", product.sku());
        item.put("category", product.category());
        item.put("price", new BigDecimal(product.price()));
        item.put("saleType", pick(random, "REGULAR", 90, "SPECIAL_PRICE", 8, "GIFT", 2));
        int age = switch (pick(random, "week", 30, "fortnight", 20, "month", 15, "quarter", 20, "older", 15)) {
            case "week" -> random.nextInt(8);
            case "fortnight" -> 8 + random.nextInt(8);
            case "month" -> 16 + random.nextInt(15);
            case "quarter" -> 31 + random.nextInt(60);
            default -> 91 + random.nextInt(300);
        };
        claim.put("purchaseDate", claimDate.minusDays(age).toString());
        claim.put("claimDate", claimDate.toString());
        claim.put("qualityDefect", defect);
        return claim;
    }

    /** One of the values, each with its weight: {@code pick(random, "A", 70, "B", 30)}. */
    private static String pick(Random random, Object... valuesAndWeights) {
        int total = 0;
        for (int i = 1; i < valuesAndWeights.length; i += 2) total += (Integer) valuesAndWeights[i];
        int roll = random.nextInt(total);
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            roll -= (Integer) valuesAndWeights[i + 1];
            if (roll < 0) return (String) valuesAndWeights[i];
        }
        throw new IllegalStateException("weights add up to " + total);
    }
}
