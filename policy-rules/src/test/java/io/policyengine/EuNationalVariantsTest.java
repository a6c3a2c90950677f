package io.policyengine;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.Outcome;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.model.Request;
import io.policyengine.model.WaitingFor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 16: the national variants eu-consumer-law-pt (Decreto-Lei 84/2021) and eu-consumer-law-se (SFS 2022:260)
 * extend the European floor and change terms only. They decide as the floor does, except on the days their terms
 * move: the legal guarantee's end (2 years on the floor, 3 years in both) and the presumption's (1 year on the floor,
 * 2 years in both). Goods delivered on 2026-03-03; "within N months" includes the day N months on.
 */
class EuNationalVariantsTest {
    private static final LocalDate DELIVERED = LocalDate.of(2026, 3, 3);
    private static final LocalDate TWO_YEARS = LocalDate.of(2028, 3, 3);
    private static final LocalDate THREE_YEARS = LocalDate.of(2029, 3, 3);
    private static final String PRESUMED = "defect presumed present at delivery";

    static PolicyEngine floor;
    static PolicyEngine portugal;
    static PolicyEngine sweden;

    @BeforeAll
    static void loadThePacks() throws Exception {
        floor = PolicyEngine.bundled("eu-consumer-law");
        portugal = PolicyEngine.bundled("eu-consumer-law-pt");
        sweden = PolicyEngine.bundled("eu-consumer-law-se");
    }

    private static PolicyEngine variant(String name) {
        return name.equals("eu-consumer-law-pt") ? portugal : sweden;
    }

    private static Claim.Builder defectOn(LocalDate claimDate) {
        return Claim.builder("D-" + claimDate, "TV-55").category("TV").price("899.00").purchaseDate(DELIVERED.minusDays(2))
                .deliveryDate(DELIVERED).claimDate(claimDate).channel(Channel.STORE).qualityDefect(true).request(Request.REPAIR);
    }

    private static List<String> rules(Decision decision) {
        return decision.reasons().stream().map(Reason::rule).toList();
    }

    @Test
    void theVariantsHoldOnlyTheTermsTheirLawChanges() {
        assertThat(changedTerms(portugal)).containsOnlyKeys("guaranteeMonths", "presumptionMonths", "reasonableRepairDays")
                .containsEntry("guaranteeMonths", 36).containsEntry("presumptionMonths", 24).containsEntry("reasonableRepairDays", 30);
        assertThat(changedTerms(sweden)).containsOnlyKeys("guaranteeMonths", "presumptionMonths")
                .containsEntry("guaranteeMonths", 36).containsEntry("presumptionMonths", 24);
        // Portugal's 30 days are the floor's number too; the pack states them because they are Portuguese law's
        assertThat(portugal.terms()).containsEntry("reasonableRepairDays", floor.terms().get("reasonableRepairDays"));
        assertThat(portugal.terms().keySet()).containsExactlyElementsOf(floor.terms().keySet());
        assertThat(sweden.terms().keySet()).containsExactlyElementsOf(floor.terms().keySet());
        assertThat(portugal.rules()).hasSameSizeAs(floor.rules());
        assertThat(sweden.rules()).hasSameSizeAs(floor.rules());
    }

    /** The terms whose value the variant sets in its own pack.drl (its own source), whatever the value. */
    private static Map<String, Object> changedTerms(PolicyEngine variant) {
        Map<String, Object> own = new HashMap<>();
        variant.termSources().stream().filter(term -> term.origin().equals(variant.policy().name()))
                .forEach(term -> own.put(term.name(), term.value()));
        return own;
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-consumer-law-pt", "eu-consumer-law-se"})
    void twoYearsAndADayAfterDeliveryTheFloorAloneRefusesTheGuaranteeAndTheVariantsGrantIt(String name) {
        Claim claim = defectOn(TWO_YEARS.plusDays(1)).build();

        assertThat(floor.decide(claim).outcome()).isEqualTo(Outcome.REJECTED);
        Decision decision = variant(name).decide(claim);
        assertThat(decision.outcome()).isEqualTo(Outcome.FREE_REPAIR);
        assertThat(decision.remedies()).containsExactly(Remedy.EXCHANGE, Remedy.FREE_REPAIR);
        assertThat(decision.repairDueDate()).isEqualTo(LocalDate.of(2028, 4, 3));
        assertThat(decision.policy().name()).isEqualTo(name);
        assertThat(rules(decision)).contains("legal guarantee: repair or replacement").doesNotContain(PRESUMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-consumer-law-pt", "eu-consumer-law-se"})
    void threeYearsAfterDeliveryIsTheLastDayOfTheGuarantee(String name) {
        assertThat(variant(name).decide(defectOn(THREE_YEARS).build()).outcome()).isEqualTo(Outcome.FREE_REPAIR);
        assertThat(variant(name).decide(defectOn(THREE_YEARS.plusDays(1)).build()).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(floor.decide(defectOn(THREE_YEARS).build()).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-consumer-law-pt", "eu-consumer-law-se"})
    void aDefectInTheSecondYearIsPresumedPresentAtDeliveryUntilTwoYears(String name) {
        LocalDate secondYear = DELIVERED.plusMonths(18);

        assertThat(rules(floor.decide(defectOn(secondYear).build()))).doesNotContain(PRESUMED);
        assertThat(rules(floor.decide(defectOn(DELIVERED.plusYears(1)).build()))).contains(PRESUMED);
        assertThat(rules(variant(name).decide(defectOn(secondYear).build()))).contains(PRESUMED);
        assertThat(rules(variant(name).decide(defectOn(TWO_YEARS).build()))).contains(PRESUMED);
        assertThat(rules(variant(name).decide(defectOn(TWO_YEARS.plusDays(1)).build()))).doesNotContain(PRESUMED);
    }

    @Test
    void inTheThirdYearPortugalEndsTheSaleAfterAFailedRepairAsTheFloorDoesInTheFirstTwo() {
        Claim backAfterRepair = defectOn(LocalDate.of(2028, 9, 1)).request(Request.REFUND).fault("NO_POWER")
                .repair(new PastRepair(LocalDate.of(2028, 8, 1), "NO_POWER")).build();
        Claim thirtyOneDaysAtTheRepairer = defectOn(LocalDate.of(2028, 7, 1)).request(Request.REFUND)
                .openRepair(new OpenRepair(LocalDate.of(2028, 5, 31), WaitingFor.PARTS)).build();
        Claim thirtyDaysAtTheRepairer = defectOn(LocalDate.of(2028, 7, 1)).request(Request.REFUND)
                .openRepair(new OpenRepair(LocalDate.of(2028, 6, 1), WaitingFor.PARTS)).build();

        assertThat(portugal.decide(backAfterRepair).outcome()).isEqualTo(Outcome.REFUND);
        assertThat(portugal.decide(backAfterRepair).money().refundDueDate()).isEqualTo(LocalDate.of(2028, 9, 15));
        assertThat(portugal.decide(thirtyOneDaysAtTheRepairer).outcome()).isEqualTo(Outcome.REFUND);
        assertThat(portugal.decide(thirtyDaysAtTheRepairer).outcome()).isEqualTo(Outcome.EXCHANGE);
        assertThat(floor.decide(backAfterRepair).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(floor.decide(thirtyOneDaysAtTheRepairer).outcome()).isEqualTo(Outcome.REJECTED);
    }

    /**
     * Every claim of the first year (withdrawal day 14 and 15, not informed, exceptions, termination, customer damage)
     * is decided by the variants exactly as by the floor: the same outcome, remedies, dates, money and reasons (rule,
     * article, effect, remedy; a reason's words name the pack's months, so they differ). Past the first year they differ
     * only by the presumption's reason; past two, only where the floor rejects.
     */
    @ParameterizedTest
    @ValueSource(strings = {"eu-consumer-law-pt", "eu-consumer-law-se"})
    void theVariantsDecideAsTheFloorWhereTheirTermsDoNotReach(String name) {
        PolicyEngine variant = variant(name);
        int compared = 0;
        for (Claim claim : claims()) {
            Decision onTheFloor = floor.decide(claim);
            Decision national = variant.decide(claim);
            LocalDate day = claim.claimDate();
            if (!day.isAfter(DELIVERED.plusYears(1))) {
                assertThat(sameDecision(national)).as(claim.id()).isEqualTo(sameDecision(onTheFloor));
            } else if (!day.isAfter(TWO_YEARS)) {
                assertThat(withoutPresumption(national)).as(claim.id()).isEqualTo(withoutPresumption(onTheFloor));
            } else if (onTheFloor.outcome() != Outcome.REJECTED) {
                assertThat(sameDecision(national)).as(claim.id()).isEqualTo(sameDecision(onTheFloor));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(1000);
    }

    /** Claims over the days where the floor's rows turn: 14/15 days, 12 months and 14 days, 1, 2 and 3 years. */
    private static List<Claim> claims() {
        List<LocalDate> days = new ArrayList<>();
        for (int day : new int[] {0, 1, 14, 15, 30, 31, 200}) days.add(DELIVERED.plusDays(day));
        for (LocalDate edge : List.of(DELIVERED.plusDays(14).plusMonths(12), DELIVERED.plusYears(1), DELIVERED.plusMonths(18), TWO_YEARS, THREE_YEARS)) {
            days.add(edge);
            days.add(edge.plusDays(1));
        }
        List<Claim> claims = new ArrayList<>();
        int n = 0;
        for (LocalDate day : days)
            for (Channel channel : Channel.values())
                for (boolean defect : new boolean[] {true, false})
                    for (boolean informed : new boolean[] {true, false})
                        for (boolean damage : new boolean[] {true, false})
                            for (String category : List.of("TV", "HYGIENE", "PERISHABLE"))
                                for (int history = 0; history < 3; history++) {
                                    Claim.Builder claim = Claim.builder("C-" + n++, "SKU-1").category(category).price("899.00")
                                            .purchaseDate(DELIVERED.minusDays(2)).deliveryDate(DELIVERED).claimDate(day).channel(channel)
                                            .qualityDefect(defect).withdrawalInformed(informed).customerDamage(damage).usageTraces(damage)
                                            .request(Request.REFUND).fault("NO_POWER");
                                    if (history == 1 && day.minusDays(20).isAfter(DELIVERED))
                                        claim.repair(new PastRepair(day.minusDays(20), "NO_POWER"));
                                    if (history == 2 && day.minusDays(31).isAfter(DELIVERED))
                                        claim.openRepair(new OpenRepair(day.minusDays(31), WaitingFor.PARTS));
                                    claims.add(claim.build());
                                }
        return claims;
    }

    /** What a decision says, but for the name of the pack that said it and the months its reasons' words name. */
    private static List<Object> sameDecision(Decision decision) {
        return List.of(decision.outcome(), decision.remedies(), String.valueOf(decision.repairDueDate()), decision.money(),
                decision.reasons().stream().map(EuNationalVariantsTest::said).toList());
    }

    /**
     * The same, without the presumption's grants: the only thing the variants add in the second year. Each reason
     * once: an exclusion (customer damage) answers every grant of its remedy, so it is there once more per presumption grant.
     */
    private static List<Object> withoutPresumption(Decision decision) {
        return List.of(decision.outcome(), decision.remedies(), String.valueOf(decision.repairDueDate()), decision.money(),
                decision.reasons().stream().filter(r -> !r.rule().equals(PRESUMED)).map(EuNationalVariantsTest::said).distinct().toList());
    }

    private static List<String> said(Reason reason) {
        return List.of(reason.rule(), reason.article(), reason.effect().name(), String.valueOf(reason.remedy()));
    }
}
