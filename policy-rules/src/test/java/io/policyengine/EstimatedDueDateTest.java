package io.policyengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 17: a working-day due date past the last day the pack's calendar covers is still given, counted Monday to
 * Friday, but says it is an estimate. factory-warranty's calendar covers 2026 (it ends on Thursday 2026-12-31); P2's
 * repair is due on the 7th working day after the claim, the claim day not counted.
 */
class EstimatedDueDateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyEngine ENGINE = load();
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    /** Tuesday: Wed 23 to Fri 25, Mon 28 to Thu 31: the 7th working day is the calendar's last day. */
    private static final LocalDate ON_THE_LAST_DAY = LocalDate.of(2026, 12, 22);
    /** Wednesday: Thu 24, Fri 25, Mon 28 to Thu 31, then Friday 2027-01-01, New Year's Day, counted as a weekday. */
    private static final LocalDate ONE_DAY_BEYOND = LocalDate.of(2026, 12, 23);

    private static PolicyEngine load() {
        try {
            return PolicyEngine.bundled("factory-warranty");
        } catch (RuleLoadException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Claim repair(LocalDate claimDate) {
        return Claim.builder("FW-" + claimDate, "WM-8KG").purchaseDate(LocalDate.of(2026, 6, 1)).claimDate(claimDate)
                .qualityDefect(true).request(Request.REPAIR).build();
    }

    private static JsonNode json(Claim claim, Locale locale) throws Exception {
        return JSON.readTree(DecisionJson.toJson(ENGINE.render(claim, locale)));
    }

    @Test
    @DisplayName("due on 2026-12-31, the calendar's last day: no estimate, and the JSON as it always was")
    void dueOnTheLastCoveredDayIsNoEstimate() throws Exception {
        Decision decision = ENGINE.decide(repair(ON_THE_LAST_DAY));

        assertThat(decision.repairDueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(decision.actions()).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("REPAIR");
            assertThat(action.estimated()).isFalse();
        });
        String json = DecisionJson.toJson(ENGINE.render(repair(ON_THE_LAST_DAY), Locale.ENGLISH));
        assertThat(json).doesNotContain("estimated");
        assertThat(ENGINE.wording(Locale.ENGLISH).summary(decision)).isEqualTo("We will do a free repair, due by 2026-12-31.");
    }

    @Test
    @DisplayName("one working day beyond: due 2027-01-01 counted Monday to Friday, \"estimated\": true, and the sentence says the calendar ends on 2026-12-31")
    void oneWorkingDayBeyondIsAnEstimate() throws Exception {
        Decision decision = ENGINE.decide(repair(ONE_DAY_BEYOND));

        assertThat(decision.repairDueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        Action repair = decision.actions().get(0);
        assertThat(repair.estimated()).isTrue();
        assertThat(repair.calendarEnd()).isEqualTo(LocalDate.of(2026, 12, 31));

        JsonNode action = json(repair(ONE_DAY_BEYOND), Locale.ENGLISH).get("actions").get(0);
        assertThat(action.get("action").asText()).isEqualTo("REPAIR");
        assertThat(action.get("due").asText()).isEqualTo("2027-01-01");
        assertThat(action.get("estimated").asBoolean()).isTrue();
        assertThat(action.get("estimated").isBoolean()).isTrue();
        assertThat(action.get("message").asText()).endsWith("(estimated: the calendar ends on 2026-12-31)");

        JsonNode chinese = json(repair(ONE_DAY_BEYOND), ZH).get("actions").get(0);
        assertThat(chinese.get("estimated").asBoolean()).isTrue();
        assertThat(chinese.get("message").asText()).endsWith("（估算：工作日历截至2026年12月31日）");
    }

    @Test
    @DisplayName("the summary says it in both languages, with the dates written as each language writes them")
    void theSummarySaysSo() {
        Decision decision = ENGINE.decide(repair(ONE_DAY_BEYOND));

        assertThat(ENGINE.wording(Locale.ENGLISH).summary(decision)).isEqualTo("We will do a free repair, due by 2027-01-01. "
                + "The due date 2027-01-01 is estimated: the calendar ends on 2026-12-31.");
        assertThat(ENGINE.wording(ZH).summary(decision)).isEqualTo("为您免费维修，2027年1月1日前修好。"
                + "期限2027年1月1日为估算：工作日历截至2026年12月31日。");
    }

    @Test
    @DisplayName("the notice of a delay, due the day before an estimated repair, is an estimate too; the summary names the repair's date")
    void aDutyCountedFromAnEstimateIsOne() {
        Decision decision = ENGINE.decide(repair(ONE_DAY_BEYOND).toBuilder().asOf(LocalDate.of(2026, 12, 31)).build());

        assertThat(decision.actions()).extracting(a -> a.action() + " " + a.due() + " " + a.estimated())
                .containsExactly("NOTIFY_DELAY 2026-12-31 true", "REPAIR 2027-01-01 true");
        assertThat(ENGINE.wording(Locale.ENGLISH).summary(decision))
                .contains("The due date 2027-01-01 is estimated: the calendar ends on 2026-12-31.");
    }
}
