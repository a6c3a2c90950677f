package io.policyengine.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

    @Test
    void putsInValuesAsEachLanguageWritesThem() {
        Template due = Template.parse("due by {due}");
        Map<String, Object> params = Map.of("due", LocalDate.of(2026, 5, 20));

        assertThat(due.render(params, Language.EN)).isEqualTo("due by 2026-05-20");
        assertThat(due.render(params, Language.ZH_CN)).isEqualTo("due by 2026年5月20日");
    }

    @Test
    void writesMoneyInTheLanguagesWay() {
        Template pays = Template.parse("{amount, money}");

        assertThat(pays.render(Map.of("amount", 50, "currency", "CNY"), Language.EN)).isEqualTo("50 CNY");
        assertThat(pays.render(Map.of("amount", 50, "currency", "CNY"), Language.ZH_CN)).isEqualTo("50元");
        assertThat(pays.render(Map.of("amount", new BigDecimal("50.00"), "currency", "CNY"), Language.ZH_CN)).isEqualTo("50元");
        assertThat(pays.render(Map.of("amount", 20, "currency", "USD"), Language.ZH_CN)).isEqualTo("20 USD");
    }

    @Test
    void writesARefundToTheCentAndGroupsThousandsInEnglish() {  // contract 11.2
        Template pays = Template.parse("{amount, money}");

        assertThat(pays.render(Map.of("amount", new BigDecimal("3134.05"), "currency", "CNY"), Language.EN)).isEqualTo("3,134.05 CNY");
        assertThat(pays.render(Map.of("amount", new BigDecimal("3134.05"), "currency", "CNY"), Language.ZH_CN)).isEqualTo("3134.05元");
        assertThat(pays.render(Map.of("amount", new BigDecimal("1999.5"), "currency", "CNY"), Language.EN)).isEqualTo("1,999.50 CNY");
        assertThat(pays.render(Map.of("amount", new BigDecimal("3299.00"), "currency", "CNY"), Language.EN)).isEqualTo("3,299 CNY");
    }

    @Test
    void writesTimesOfDayWithTheDateOnlyWhenItIsAnotherDay() {
        Template by = Template.parse("by {by, clock}");
        LocalDateTime reported = LocalDateTime.of(2026, 7, 31, 21, 30);

        assertThat(by.render(Map.of("reportedAt", reported, "by", reported.plusMinutes(30)), Language.EN)).isEqualTo("by 22:00");
        assertThat(by.render(Map.of("reportedAt", reported, "by", reported.plusHours(4)), Language.EN)).isEqualTo("by 01:30 on 2026-08-01");
        assertThat(by.render(Map.of("reportedAt", reported, "by", reported.plusHours(4)), Language.ZH_CN)).isEqualTo("by 2026年8月1日01:30");
    }

    @ParameterizedTest
    @CsvSource({"120, 2 h, 2-hour, 120 minutes, 2小时, 120分钟", "90, 90 min, 90-minute, 90 minutes, 90分钟, 90分钟",
            "1, 1 min, 1-minute, 1 minute, 1分钟, 1分钟", "0, 0 h, 0-hour, less than a minute, 0小时, 不到1分钟"})
    void writesSpansOfMinutes(int minutes, String enSpan, String enPromise, String enCount, String zhSpan, String zhCount) {
        Map<String, Object> params = Map.of("m", minutes);
        assertThat(Template.parse("{m, duration}").render(params, Language.EN)).isEqualTo(enSpan);
        assertThat(Template.parse("{m, promise}").render(params, Language.EN)).isEqualTo(enPromise);
        assertThat(Template.parse("{m, minutes}").render(params, Language.EN)).isEqualTo(enCount);
        assertThat(Template.parse("{m, duration}").render(params, Language.ZH_CN)).isEqualTo(zhSpan);
        assertThat(Template.parse("{m, minutes}").render(params, Language.ZH_CN)).isEqualTo(zhCount);
    }

    @ParameterizedTest
    @CsvSource({"6, 六", "9, 九", "10, 十", "13, 十三", "16, 十六", "20, 二十", "25, 二十五", "41, 四十一", "100, 一百", "105, 一百零五", "110, 一百一十"})
    void numbersArticlesInChineseNumerals(int article, String numeral) {
        assertThat(Template.parse("第{n, cn}条").render(Map.of("n", article), Language.ZH_CN)).isEqualTo("第" + numeral + "条");
    }

    @Test
    void selectsTheBranchOfTheValueOrOther() {
        Template ago = Template.parse("{d, select, 0 {today} 1 {1 day ago} other {{d} days ago}}");

        assertThat(ago.render(Map.of("d", 0), Language.EN)).isEqualTo("today");
        assertThat(ago.render(Map.of("d", 1), Language.EN)).isEqualTo("1 day ago");
        assertThat(ago.render(Map.of("d", 30), Language.EN)).isEqualTo("30 days ago");
        assertThat(ago.names()).containsExactly("d");
    }

    @Test
    void namesEveryParamItUsesAndKeepsEscapedBraces() {
        Template template = Template.parse("\\{literal\\} {a} and {b, date} {c, select, X {{d}} other {}}");

        assertThat(template.names()).containsExactly("a", "b", "c", "d");
        assertThat(template.render(Map.of("a", 1, "c", "Y"), Language.EN)).isEqualTo("{literal} 1 and  ");
    }

    @Test
    void aMalformedPatternSaysWhereAndWhy() {
        assertThatThrownBy(() -> Template.parse("on day {days")).hasMessageContaining("column");
        assertThatThrownBy(() -> Template.parse("on day days}")).hasMessage("unmatched '}' at column 12");
        assertThatThrownBy(() -> Template.parse("{days, shout}")).hasMessageContaining("unknown style \"shout\"");
        assertThatThrownBy(() -> Template.parse("{p, select, A {a}}")).hasMessageContaining("needs an 'other {...}' branch");
        assertThatThrownBy(() -> Template.parse("{}")).hasMessageContaining("needs a param name");
    }
}
