package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The counter page (contract 9.2) in a real headless Chromium, Debian's, driven through its chromedriver:
 * what a cashier sees for the contract's example claim, and for a claim with a negative price.
 * Screenshots are saved as policy-examples/target/counter-page*.png for people to look at.
 */
class CounterPageTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path profile;
    private static LiveService live;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI must test the counter page: .ci/run installs chromium and chromium-driver");
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        live = LiveService.start(LiveService.storeStandard(), false, null);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.resolve("chromium"), "--window-size=1280,1100", "--lang=en-US");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
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
        browser.findElement(By.id("qualityDefect")).click();
        choose("request", "REFUND");

        browser.findElement(By.id("decide")).click();
        waitFor(d -> d.findElement(By.id("answer")).isDisplayed());

        Decision decision = LiveService.storeStandard().decide(ClaimJson.parse(ClaimJson.readValue("claim", LiveService.EXAMPLE_CLAIM)));
        JsonNode expected = LiveService.parse(DecisionJson.toJson(decision, LiveService.english()));
        JsonNode expectedInChinese = LiveService.parse(DecisionJson.toJson(decision, LiveService.storeStandard().wording(Languages.ZH_CN)));
        assertThat(text("outcome")).isEqualTo("refund");
        assertThat(text("remedies")).isEqualTo("refund, exchange, free repair");
        assertThat(text("dueDate")).isEqualTo("none");
        assertThat(text("compensation")).isEqualTo("none");
        assertThat(text("reasons")).contains(expected.get("reasons").get(0).get("message").asText());
        assertThat(text("decisionId")).matches("[0-9a-f-]{36}");
        assertThat(text("summary")).isEqualTo(expected.get("summary").asText()).isNotBlank();
        screenshot("counter-page.png");

        browser.findElement(By.id("lang-zh")).click();
        waitFor(d -> d.findElement(By.id("outcome")).getText().equals("退货"));
        assertThat(text("remedies")).isEqualTo("退货, 换货, 免费维修");
        assertThat(text("summary")).isEqualTo(expectedInChinese.get("summary").asText());
        assertThat(text("reasons")).contains(expectedInChinese.get("reasons").get(0).get("message").asText());
        screenshot("counter-page-zh.png");
        assertThat(browser.findElement(By.id("decide")).getText()).isEqualTo("判定");

        browser.findElement(By.id("lang-en")).click();
        browser.findElement(By.id("explain")).click();
        waitFor(d -> d.findElement(By.id("explanation")).isDisplayed() && !d.findElements(By.cssSelector("#fired li")).isEmpty());
        assertThat(text("fired")).contains("defect refund window (art. 7) — grants refund, exchange, free repair: "
                + expected.get("reasons").get(0).get("message").asText());
        screenshot("counter-page-explained.png");
    }

    @Test
    @DisplayName("a negative price: the service's error is shown next to the price, and no outcome")
    void negativePrice() throws IOException {
        type("sku", "TV-55-X1");
        type("price", "-5");

        browser.findElement(By.id("decide")).click();
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
    @DisplayName("a repair judged after its due date: the open duties are listed under the decision, overdue, in English and 中文")
    void followUpDuties() throws IOException {
        type("sku", "TV-55-X1");
        setDate("purchaseDate", "2026-04-01");
        setDate("claimDate", "2026-05-07");
        setDate("asOf", "2026-05-16");
        browser.findElement(By.id("qualityDefect")).click();
        choose("request", "REPAIR");

        browser.findElement(By.id("decide")).click();
        waitFor(d -> d.findElement(By.id("answer")).isDisplayed() && d.findElements(By.cssSelector("#actions li")).size() == 2);

        // day 36: a free repair due 2026-05-07 + 7; judged on 05-16 the warning of art. 26 (due 05-13) and the repair are late
        var duties = browser.findElements(By.cssSelector("#actions li"));
        assertThat(duties.get(0).getText()).startsWith("tell the customer the repair will be late: the repair is due on 2026-05-14")
                .endsWith("(art. 26), due 2026-05-13, overdue");
        assertThat(duties.get(1).getText()).isEqualTo("repair: finish the repair by 2026-05-14 (art. 16), due 2026-05-14, overdue");
        assertThat(duties.get(0).getAttribute("class")).isEqualTo("overdue");
        assertThat(text("summary")).endsWith("Tell the customer that the repair will be late: due 2026-05-13, overdue.");
        screenshot("counter-page-duties.png");

        browser.findElement(By.id("lang-zh")).click();
        waitFor(d -> d.findElement(By.id("outcome")).getText().equals("免费维修")
                && d.findElement(By.id("actions")).getText().contains("已逾期"));
        assertThat(browser.findElements(By.cssSelector("#actions li")).get(1).getText())
                .isEqualTo("维修: 请于2026年5月14日前修好 (第十六条), 期限 2026-05-14, 已逾期");
        screenshot("counter-page-duties-zh.png");
        browser.findElement(By.id("lang-en")).click();
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
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.test(browser)) {
            assertThat(System.nanoTime()).as("the page did not show what was awaited within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
