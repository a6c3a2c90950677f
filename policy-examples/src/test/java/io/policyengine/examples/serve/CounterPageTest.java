package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.PolicyEngine;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter page (contract 9.2) in a real headless Chromium, Debian's, driven through its chromedriver:
 * what a cashier sees for the contract's example claim, and for a claim with a negative price.
 * Screenshots are saved as policy-examples/target/counter-page*.png for people to look at.
 */
@ResourceLock(HeadlessChromium.BROWSER)
class CounterPageTest {
    private static LiveService live;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.shared(1280, 1100);
        live = LiveService.start(LiveService.storeStandard(), false, null);
    }

    @AfterAll
    static void stop() {
        if (live != null) live.close();
    }

    @BeforeEach
    void openPage() {
        browser.get(live.service.uri() + "/");
        waitFor(d -> d.findElement(By.id("claimDate")).getAttribute("value").length() == 10);
    }

    @Test
    @DisplayName("the contract's example claim: outcome, remedies, due date and reasons; then in 中文; then the explanation")
    void exampleClaim() throws IOException {
        type("id", "C-1001");
        type("sku", "TV-55-X1");
        type("category", "ELECTRONICS");
        type("price", "3299.00");
        setDate("purchaseDate", "2026-03-01");
        setDate("claimDate", "2026-03-09");
        click("qualityDefect");
        choose("request", "REFUND");

        click("decide");
        waitFor(d -> d.findElement(By.id("answer")).isDisplayed());

        Decision decision = LiveService.storeStandard().decide(ClaimJson.parse(ClaimJson.readValue("claim", LiveService.EXAMPLE_CLAIM)));
        JsonNode expected = LiveService.parse(DecisionJson.toJson(decision, LiveService.english()));
        JsonNode expectedInChinese = LiveService.parse(DecisionJson.toJson(decision, LiveService.storeStandard().wording(Languages.ZH_CN)));
        assertThat(text("outcome")).isEqualTo("refund");
        assertThat(text("remedies")).isEqualTo("refund, exchange, free repair");
        assertThat(text("dueDate")).isEqualTo("none");
        assertThat(text("compensation")).isEqualTo("none");
        assertThat(text("money")).isEqualTo("refund 3,299 CNY by 2026-03-09");  // contract 11.2: at the counter, on the day
        assertThat(text("reasons")).contains(expected.get("reasons").get(0).get("message").asText());
        assertThat(text("decisionId")).matches("[0-9a-f-]{36}");
        assertThat(text("summary")).isEqualTo(expected.get("summary").asText()).isNotBlank();
        screenshot("counter-page.png");

        click("lang-zh");
        waitFor(d -> d.findElement(By.id("outcome")).getText().equals("退货"));
        assertThat(text("remedies")).isEqualTo("退货、换货、免费维修");
        assertThat(text("money")).isEqualTo("退款3299元，2026年3月9日前退还");  // as the summary says it
        assertThat(text("summary")).isEqualTo(expectedInChinese.get("summary").asText());
        assertThat(text("reasons")).contains(expectedInChinese.get("reasons").get(0).get("message").asText());
        screenshot("counter-page-zh.png");
        assertThat(browser.findElement(By.id("decide")).getText()).isEqualTo("判定");

        click("lang-en");
        click("explain");
        waitFor(d -> d.findElement(By.id("explanation")).isDisplayed() && !d.findElements(By.cssSelector("#fired li")).isEmpty());
        assertThat(text("fired")).contains("defect refund window (art. 7) — grants refund, exchange, free repair: "
                + expected.get("reasons").get(0).get("message").asText());
        screenshot("counter-page-explained.png");
    }

    @Test
    @DisplayName("in 中文 under cn-consumer-law, a TV with damaged packaging returned on day 3 cites the regulation's art. 9 as the pack "
            + "does; switching the language shows the same decision again, and the decision log has one line")
    void citationsAndOneDecisionPerClaim(@TempDir Path logs) throws Exception {
        Path logFile = logs.resolve("decisions.jsonl");
        try (LiveService withLaw = LiveService.start(LiveService.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law")),
                false, logFile)) {
            browser.get(withLaw.service.uri() + "/");
            waitFor(d -> d.findElement(By.id("claimDate")).getAttribute("value").length() == 10);
            click("lang-zh");
            type("id", "TV-DAY3");
            type("sku", "TV-55-X1");
            type("category", "TV");
            type("price", "3299.00");
            setDate("purchaseDate", "2026-03-01");
            setDate("claimDate", "2026-03-04");
            click("qualityDefect");
            choose("packaging", "DAMAGED");
            choose("request", "REFUND");

            click("decide");
            waitFor(d -> d.findElement(By.id("answer")).isDisplayed());

            String regulationArt9 = "《部分商品修理更换退货责任规定》第九条";
            assertThat(text("summary")).contains(regulationArt9);
            assertThat(text("reasons")).contains("（" + regulationArt9 + "、cn-consumer-law）").doesNotContain("服务标准三包");
            String decisionId = text("decisionId");
            screenshot("counter-page-zh-law.png");
            waitFor(d -> lines(withLaw) == 1);

            click("lang-en");
            waitFor(d -> d.findElement(By.id("outcome")).getText().equals("refund"));
            assertThat(text("reasons")).contains("Three Guarantees Regulation art. 9, cn-consumer-law)").doesNotContain("art. 三包");
            click("lang-zh");
            waitFor(d -> d.findElement(By.id("outcome")).getText().equals("退货"));
            assertThat(text("decisionId")).isEqualTo(decisionId);

            click("explain");
            waitFor(d -> d.findElement(By.id("explanation")).isDisplayed() && !d.findElements(By.cssSelector("#fired li")).isEmpty());
            assertThat(text("fired")).contains("三包退货期（" + regulationArt9 + "）",
                    "三包商品目录（《部分商品修理更换退货责任规定》第二条）").doesNotContain("服务标准", "three guarantees");
            screenshot("counter-page-zh-law-explained.png");
            Thread.sleep(200); // a line appended by a switch would be written by now
            assertThat(withLaw.logLines()).as("one claim decided once, whatever the language switches").hasSize(1);
        }
    }

    @Test
    @DisplayName("'try, don't record' (试算，不记录): the same decision is shown, marked as a trial, and the log gets no line until the switch is off")
    void tryWithoutRecording(@TempDir Path logs) throws Exception {
        try (LiveService logged = LiveService.start(LiveService.storeStandard(), false, logs.resolve("decisions.jsonl"))) {
            browser.get(logged.service.uri() + "/");
            waitFor(d -> d.findElement(By.id("claimDate")).getAttribute("value").length() == 10);
            type("id", "C-TRY");
            type("sku", "TV-55-X1");
            type("price", "3299.00");
            setDate("purchaseDate", "2026-03-01");
            setDate("claimDate", "2026-03-09");
            click("qualityDefect");
            choose("request", "REFUND");
            assertThat(browser.findElement(By.cssSelector("label.dry-run")).getText()).isEqualTo("Try, don't record");

            click("dryRun");
            click("decide");
            waitFor(d -> d.findElement(By.id("answer")).isDisplayed());

            assertThat(text("outcome")).isEqualTo("refund");
            assertThat(text("decisionId")).isEqualTo("not recorded: a trial");
            click("lang-zh");
            assertThat(browser.findElement(By.cssSelector("label.dry-run")).getText()).isEqualTo("试算，不记录");
            assertThat(text("decisionId")).isEqualTo("未记录：仅为试算");
            screenshot("counter-page-dry-run-zh.png");
            Thread.sleep(200); // a line appended for the trial would be written by now
            assertThat(logged.logLines()).as("a trial is not a claim").isEmpty();

            click("dryRun");
            click("decide");
            waitFor(d -> text("decisionId").matches("[0-9a-f-]{36}"));
            waitFor(d -> lines(logged) == 1);
            assertThat(LiveService.parse(logged.logLines().get(0)).get("claim").get("id").asText()).isEqualTo("C-TRY");
            click("lang-en");
        }
    }

    @Test
    @DisplayName("under the EU floor, a customer not told of the right of withdrawal (the box unticked) may still withdraw on day 92")
    void withdrawalNotInformed() throws Exception {
        try (LiveService eu = LiveService.start(PolicyEngine.bundled("eu-consumer-law"), false, null)) {
            browser.get(eu.service.uri() + "/");
            waitFor(d -> d.findElement(By.id("claimDate")).getAttribute("value").length() == 10);
            type("sku", "TV-55-X1");
            type("price", "499.00");
            choose("channel", "ONLINE");
            setDate("purchaseDate", "2026-03-01");
            setDate("deliveryDate", "2026-03-01");
            setDate("claimDate", "2026-06-01");
            choose("request", "REFUND");
            click("decide");
            waitFor(d -> d.findElement(By.id("answer")).isDisplayed());
            assertThat(text("outcome")).isNotEqualTo("refund");

            click("withdrawalInformed");
            click("decide");
            waitFor(d -> d.findElement(By.id("outcome")).getText().equals("refund"));
            assertThat(text("reasons")).contains("CRD");
        }
    }

    private static int lines(LiveService service) {
        try {
            return Files.exists(service.decisionLog) ? service.logLines().size() : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("a negative price: the service's error is shown next to the price, and no outcome")
    void negativePrice() throws IOException {
        type("sku", "TV-55-X1");
        type("price", "-5");

        click("decide");
        WebElement price = browser.findElement(By.id("price"));
        waitFor(d -> "true".equals(price.getAttribute("aria-invalid")));

        WebElement error = price.findElement(By.xpath("following-sibling::span[@class='error']"));
        assertThat(error.getText()).isEqualTo("must be >= 0, got -5");
        assertThat(error.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("answer")).isDisplayed()).isFalse();
        assertThat(text("general-error")).isEmpty();
        screenshot("counter-page-bad-price.png");
    }

    @Test
    @DisplayName("a blank SKU and a negative price: each of the service's errors is shown next to its own field")
    void twoBadFields() {
        type("sku", " ");
        type("price", "-5");

        click("decide");
        WebElement sku = browser.findElement(By.id("sku"));
        WebElement price = browser.findElement(By.id("price"));
        waitFor(d -> "true".equals(sku.getAttribute("aria-invalid")) && "true".equals(price.getAttribute("aria-invalid")));

        assertThat(sku.findElement(By.xpath("following-sibling::span[@class='error']")).getText()).isEqualTo("must not be blank");
        assertThat(price.findElement(By.xpath("following-sibling::span[@class='error']")).getText()).isEqualTo("must be >= 0, got -5");
        assertThat(text("general-error")).isEmpty();
    }

    @Test
    @DisplayName("a repair judged after its due date: the open duties are listed under the decision, overdue, in English and 中文")
    void followUpDuties() throws IOException {
        type("sku", "TV-55-X1");
        setDate("purchaseDate", "2026-04-01");
        setDate("claimDate", "2026-05-07");
        setDate("asOf", "2026-05-16");
        click("qualityDefect");
        choose("request", "REPAIR");

        click("decide");
        waitFor(d -> d.findElement(By.id("answer")).isDisplayed() && d.findElements(By.cssSelector("#actions li")).size() == 2);

        // day 36: a free repair due 2026-05-07 + 7; judged on 05-16 the warning of art. 26 (due 05-13) and the repair are late
        var duties = browser.findElements(By.cssSelector("#actions li"));
        assertThat(duties.get(0).getText()).startsWith("tell the customer the repair will be late: the repair is due on 2026-05-14")
                .endsWith("(art. 26), due 2026-05-13, overdue");
        assertThat(duties.get(1).getText()).isEqualTo("repair: finish the repair by 2026-05-14 (art. 16), due 2026-05-14, overdue");
        assertThat(duties.get(0).getAttribute("class")).isEqualTo("overdue");
        assertThat(text("summary")).endsWith("Tell the customer that the repair will be late: due 2026-05-13, overdue.");
        screenshot("counter-page-duties.png");

        click("lang-zh");
        waitFor(d -> d.findElement(By.id("outcome")).getText().equals("免费维修")
                && d.findElement(By.id("actions")).getText().contains("已逾期"));
        assertThat(browser.findElements(By.cssSelector("#actions li")).get(1).getText())
                .isEqualTo("维修：请于2026年5月14日前修好（第十六条）、期限 2026年5月14日、已逾期");
        screenshot("counter-page-duties-zh.png");
        click("lang-en");
    }

    @Test
    @DisplayName("in 中文 the page has no English word but the product's and the packs' names: an exchange explained (the refund's "
            + "deadline marked as not applying), an online refund, a service request with its deadlines and duties, a blank field")
    void noEnglishInChinese() {
        click("lang-zh");
        type("sku", "TV-55-X1");
        type("category", "TV");
        type("price", "3299.50");
        setDate("purchaseDate", "2026-03-01");
        setDate("claimDate", "2026-03-09");
        click("qualityDefect");
        choose("request", "EXCHANGE");
        click("explain");
        waitFor(d -> !d.findElements(By.cssSelector("#fired li")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#fired li.not-applied"))).extracting(WebElement::getText)
                .anySatisfy(step -> assertThat(step).startsWith("柜台退款按期退还").endsWith("不适用于本次处理结果（换货）"));
        assertNoEnglish();

        choose("channel", "ONLINE");
        setDate("deliveryDate", "2026-03-03");
        choose("request", "REFUND");
        click("explain");
        waitFor(d -> d.findElement(By.id("outcome")).getText().equals("退货"));
        assertThat(text("money")).isEqualTo("退款3299.50元，2026年3月16日前退还；运费由本店承担");
        assertNoEnglish();

        choose("channel", "STORE");
        choose("request", "REPAIR");
        setDate("claimDate", "2026-05-07");
        setDate("asOf", "2026-05-16");
        click("isService");
        type("fault", "E-42");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('reportedAt').value = '2026-05-07T09:30'");
        click("decide");
        waitFor(d -> d.findElement(By.id("outcome")).getText().equals("免费维修") && !d.findElement(By.id("commitments")).getText().isEmpty());
        assertThat(text("commitments")).contains("2026年5月7日");
        assertNoEnglish();

        type("sku", " ");
        click("decide");
        WebElement sku = browser.findElement(By.id("sku"));
        waitFor(d -> "true".equals(sku.getAttribute("aria-invalid")));
        assertThat(sku.findElement(By.xpath("following-sibling::span[@class='error']")).getText()).isEqualTo("不能为空");
        click("lang-en");
    }

    /** Every word the page shows, but what the cashier typed (SKU, category, fault code) and the names of packs and the hash. */
    private void assertNoEnglish() {
        String shown = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('header h1').innerText + '\\n' + document.getElementById('policy').innerText"
                        + " + '\\n' + document.querySelector('main').innerText;");
        String words = shown.replaceAll("TV-55-X1|E-42|\\bTV\\b|store-standard|cn-consumer-law|[0-9a-f]{12}|C-[0-9A-Z]+|[0-9a-f]{8}-[0-9a-f-]{27}", "");
        assertThat(words).as("English in the 中文 page:%n%s", shown).doesNotContainPattern("[A-Za-z]{2,}");
    }

    /** As a cashier would: the field scrolled to the middle of the window first (the sticky Decide bar covers its bottom). */
    private void click(String id) {
        WebElement element = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Date inputs take typed text in the browser's locale format; a cashier picks from the calendar. */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }

    private void choose(String selectId, String value) {
        browser.findElement(By.cssSelector("#" + selectId + " option[value='" + value + "']")).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Polls what the page shows until it holds (the answer comes from the service asynchronously). */
    private static void waitFor(Predicate<WebDriver> condition) {
        HeadlessChromium.waitFor(browser, condition);
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
