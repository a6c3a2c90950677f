package io.policyengine.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.PolicyEngine;
import io.policyengine.RenderedDecision;
import io.policyengine.RuleLoadException;
import io.policyengine.Wording;
import io.policyengine.json.ClaimJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 8.2 and 8.3: what the cashier reads, in English and in Chinese. */
class SummaryTest {
    private static final PolicyEngine STORE = PolicyEngine.storeStandard();
    private static final PolicyEngine WITH_LAW = STORE.withFloor(cnConsumerLaw());
    private static final Wording EN = STORE.wording(Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Wording ZH = STORE.wording(Locale.forLanguageTag("zh-CN"));

    /** A claim bought on 2026-05-10; {@code extra} adds or replaces fields, as JSON members. */
    static Claim claim(int day, boolean defect, String request, String extra) {
        try {
            ObjectNode claim = (ObjectNode) JSON.readTree("{\"id\":\"S-" + day + "\",\"product\":{\"sku\":\"KETTLE-1\",\"price\":199},"
                    + "\"purchaseDate\":\"2026-05-10\",\"claimDate\":\"" + LocalDate.of(2026, 5, 10).plusDays(day) + "\","
                    + "\"qualityDefect\":" + defect + (request == null ? "" : ",\"request\":\"" + request + "\"") + "}");
            if (!extra.isEmpty()) claim.setAll((ObjectNode) JSON.readTree("{" + extra + "}"));
            return ClaimJson.parse(claim);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static PolicyEngine cnConsumerLaw() {
        try {
            return PolicyEngine.bundled("cn-consumer-law");
        } catch (RuleLoadException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "outcome {0}: \"{1}\" / \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "REFUND      | refund       | 退货     | 3  | true  | REFUND   | ",
            "EXCHANGE    | exchange     | 换货     | 3  | true  | EXCHANGE | ",
            "FREE_REPAIR | free repair  | 免费维修 | 3  | true  | REPAIR   | ",
            "PAID_REPAIR | paid repair  | 收费维修 | 3  | true  | REPAIR   | \"condition\":{\"customerDamage\":true}",
            "REJECTED    | declined     | 不予退换 | 9  | false |          | "})
    void theOutcomeIsSaidInTheFixedWords(String outcome, String english, String chinese, int day, boolean defect, String request, String extra) {
        Decision decision = STORE.decide(claim(day, defect, request, extra == null ? "" : extra));

        assertThat(decision.outcome().name()).isEqualTo(outcome);
        assertThat(EN.summary(decision)).contains(english);
        assertThat(ZH.summary(decision)).contains(chinese);
    }

    @ParameterizedTest(name = "art. {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "11 | false | \"condition\":{\"usageTraces\":true}                         | No refund: the goods show signs of use and have no quality defect (art. 11).                | 不能退货：商品有使用痕迹且无质量问题（第十一条）。",
            "12 | false | \"product\":{\"sku\":\"SOFA\",\"customMade\":true}           | No refund: custom-made goods without a quality defect cannot be returned or exchanged (art. 12). | 不能退货：定制商品无质量问题（第十二条）。",
            "13 | true  | \"condition\":{\"packaging\":\"DAMAGED\"}                    | No refund: the original packaging is damaged (art. 13).                                   | 不能退货：商品原包装损坏（第十三条）。",
            "13 | true  | \"condition\":{\"packaging\":\"MISSING\"}                    | No refund: the original packaging is missing (art. 13).                                   | 不能退货：商品原包装缺失（第十三条）。",
            "13 | true  | \"condition\":{\"accessoriesComplete\":false}                | No refund: accessories are missing (art. 13).                                             | 不能退货：配件不齐全（第十三条）。",
            "13 | true  | \"condition\":{\"warrantyCard\":false}                       | No refund: the warranty card is missing (art. 13).                                        | 不能退货：缺少保修卡（第十三条）。",
            "14 | true  | \"condition\":{\"customerDamage\":true}                      | No refund: the damage was caused by the customer (art. 14).                               | 不能退货：损坏系顾客人为造成（第十四条）。",
            "15 | true  | \"product\":{\"sku\":\"TV\",\"saleType\":\"SPECIAL_PRICE\"} | No refund: the goods were sold at a special price (art. 15).                              | 不能退货：商品为特价商品（第十五条）。",
            "15 | true  | \"product\":{\"sku\":\"TV\",\"saleType\":\"GIFT\"}          | No refund: the goods were a gift (art. 15).                                               | 不能退货：商品为赠品（第十五条）。"})
    void aRefusedRefundCitesTheArticleThatExcludedIt(String article, boolean defect, String extra, String english, String chinese) {
        Decision decision = STORE.decide(claim(3, defect, "REFUND", extra));

        assertThat(decision.reasons()).anyMatch(r -> r.article().equals(article));
        assertThat(EN.summary(decision)).startsWith(english);
        assertThat(ZH.summary(decision)).startsWith(chinese);
    }

    @Test
    void aRequestNoArticleGrantsSaysSoAndWhy() {
        Decision day9 = STORE.decide(claim(9, false, "REFUND", ""));
        Decision day20 = STORE.decide(claim(20, true, "REFUND", ""));

        assertThat(EN.summary(day9)).isEqualTo("No refund: goods without a defect can be returned only within 7 days of purchase, "
                + "and this is day 9 (art. 6). The claim is declined.");
        assertThat(ZH.summary(day9)).isEqualTo("不能退货：无质量问题的商品只能在购买后7天内退货，本次为第9天（第六条）。不予退换。");
        assertThat(EN.summary(day20)).isEqualTo("No refund: a quality defect is refunded only within 15 days of purchase, "
                + "and this is day 20 (art. 7). We will give you an exchange.");
    }

    @Test
    void aRepairGivesItsDueDateInEachLanguagesWay() {
        Decision repair = STORE.decide(claim(3, true, "REFUND", "\"condition\":{\"packaging\":\"DAMAGED\"}"));

        assertThat(EN.summary(repair)).isEqualTo("No refund: the original packaging is damaged (art. 13). We will do a free repair, due by 2026-05-20.");
        assertThat(ZH.summary(repair)).isEqualTo("不能退货：商品原包装损坏（第十三条）。为您免费维修，2026年5月20日前修好。");
    }

    @Test
    void aLateEngineerGivesTheOnSiteDeadlineAndTheMoneyOwed() {
        Decision late = STORE.decide(claim(60, true, "REPAIR", "\"service\":{\"reportedAt\":\"2026-07-09T21:30\",\"urgency\":\"CRITICAL\","
                + "\"region\":\"SUBURB\",\"arrivedAt\":\"2026-07-10T02:15\"}"));

        assertThat(EN.summary(late)).isEqualTo("We will do a free repair, due by 2026-07-16. "
                + "An engineer will be on site by 2026-07-10 01:30; the store pays you 50 CNY (art. S7).");
        assertThat(ZH.summary(late)).isEqualTo("为您免费维修，2026年7月16日前修好。工程师将于2026年7月10日01:30前上门；本店向您赔付50元（服务标准S7）。");
        assertThat(ZH.message(late, late.compensation().get(0)))
                .isEqualTo("工程师迟到45分钟，超过4小时上门承诺（应于2026年7月10日01:30前上门，实际2026年7月10日02:15到达）：本店赔付50元");
    }

    @Test
    void whereTheLawChangedTheAnswerTheSummarySaysTheLawPrevails() {
        Decision online = WITH_LAW.decide(claim(5, false, "REFUND", "\"channel\":\"ONLINE\",\"condition\":{\"packaging\":\"DAMAGED\"}"));
        Wording en = WITH_LAW.wording(Locale.ENGLISH);
        Wording zh = WITH_LAW.wording(Locale.forLanguageTag("zh-CN"));

        // contract 11.2: an online refund within 7 days of the claim (CRPL 25), at the full price
        assertThat(en.summary(online)).isEqualTo("We will give you a refund of 199 CNY by 2026-05-22. "
                + "The law prevails over the store's art. 13 (CRPL art. 25).");
        assertThat(zh.summary(online)).isEqualTo("为您办理退货，退款199元，2026年5月22日前退还。依据《消费者权益保护法》第二十五条，法律规定优先于本店第十三条。");
        assertThat(online.reasons()).anySatisfy(r -> {
            assertThat(r.params()).containsEntry("lawPrevails", true).containsEntry("prevailsOver", "13");
            assertThat(en.message(online, r)).startsWith("the law prevails over store article 13: bought online and returned on day 5");
            assertThat(zh.message(online, r)).startsWith("法律规定优先于本店第十三条：网购商品于收货（2026年5月10日）后第5天退回");
        });
    }

    @Test
    void everyReasonAndCompensationCitesItsArticleAsItsPackDoesInTheChosenLanguage() {
        Decision tv = WITH_LAW.decide(claim(3, true, "REFUND", "\"product\":{\"sku\":\"TV-1\",\"category\":\"TV\",\"price\":3299},"
                + "\"condition\":{\"packaging\":\"DAMAGED\"}"));
        RenderedDecision zh = WITH_LAW.wording(Locale.forLanguageTag("zh-CN")).render(tv);
        RenderedDecision en = WITH_LAW.wording(Locale.ENGLISH).render(tv);

        assertThat(zh.reasons()).hasSameSizeAs(tv.reasons());
        for (int i = 0; i < tv.reasons().size(); i++) {
            String article = tv.reasons().get(i).article();
            String expectedZh = switch (article) {
                case "7" -> "第七条";
                case "13" -> "第十三条";
                case "三包 8" -> "《部分商品修理更换退货责任规定》第八条";
                case "三包 9" -> "《部分商品修理更换退货责任规定》第九条";
                case "三包 10" -> "《部分商品修理更换退货责任规定》第十条";
                case "三包 13" -> "《部分商品修理更换退货责任规定》第十三条";
                case "refunds" -> "本店退款规定";
                default -> throw new AssertionError("unexpected article " + article);
            };
            String expectedEn = article.startsWith("三包 ") ? "Three Guarantees Regulation art. " + article.substring(3)
                    : article.equals("refunds") ? "the store's refund terms" : "art. " + article;
            assertThat(zh.reasons().get(i).citation()).as(article).isEqualTo(expectedZh);
            assertThat(en.reasons().get(i).citation()).as(article).isEqualTo(expectedEn);
        }
        assertThat(zh.summary()).contains("《部分商品修理更换退货责任规定》第九条").doesNotContain("服务标准三包");

        Decision online = WITH_LAW.decide(claim(5, false, "REFUND", "\"channel\":\"ONLINE\""));
        assertThat(WITH_LAW.wording(Locale.ENGLISH).render(online).reasons())
                .anySatisfy(words -> assertThat(words.citation()).isEqualTo("CRPL art. 25"));

        Decision late = STORE.decide(claim(60, true, "REPAIR", "\"service\":{\"reportedAt\":\"2026-07-09T21:30\",\"urgency\":\"CRITICAL\","
                + "\"region\":\"SUBURB\",\"arrivedAt\":\"2026-07-10T02:15\"}"));
        assertThat(ZH.render(late).compensation()).singleElement().satisfies(owed -> assertThat(owed.citation()).isEqualTo("服务标准S7"));
        assertThat(EN.render(late).compensation()).singleElement().satisfies(owed -> assertThat(owed.citation()).isEqualTo("art. S7"));
    }

    @Test
    void aMetRequestSaysOnlyTheOutcome() {  // with a refund's amount and last day (contract 11.2): paid at the counter
        assertThat(EN.summary(STORE.decide(claim(8, true, "REFUND", "")))).isEqualTo("We will give you a refund of 199 CNY by 2026-05-18.");
        assertThat(ZH.summary(STORE.decide(claim(8, true, "REFUND", "")))).isEqualTo("为您办理退货，退款199元，2026年5月18日前退还。");
    }
}
