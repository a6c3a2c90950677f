package io.policyengine.examples.serve;

import io.policyengine.examples.report.DecisionLogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter page and the report page where they are used: on a phone (390 × 844) and on a counter's screen
 * (1280 × 900), in English and 中文. Nothing makes the page scroll sideways, the Decide button is in view without
 * scrolling, and every chart (the 20 worst stores' too) stays inside its box. Screenshots: policy-examples/target/layout-*.png.
 */
@ResourceLock(HeadlessChromium.BROWSER)
class PageLayoutTest {

    @TempDir
    static Path dir;
    private static LiveService live;
    private WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        DecisionLogs.Run generated = DecisionLogs.policy("generate-log", "--month", "2026-06");
        assertThat(generated.exit()).as(generated.err()).isZero();
        Path serviceLog = dir.resolve("service.jsonl");
        Files.write(serviceLog, DecisionLogs.atStores(generated.out().lines().toList(), 27)); // a chain's log, for the table per store
        live = LiveService.start(LiveService.storeStandard(), false, serviceLog);
    }

    @AfterAll
    static void stop() {
        if (live != null) live.close();
    }


    @ParameterizedTest(name = "counter page at {0} × {1} in {2}")
    @CsvSource({"390, 844, en", "390, 844, zh-CN", "1280, 900, en", "1280, 900, zh-CN"})
    void counterPage(int width, int height, String lang) throws IOException {
        browser = HeadlessChromium.shared(width, height);
        browser.get(live.service.uri() + "/");
        HeadlessChromium.waitFor(browser, d -> d.findElement(By.id("claimDate")).getAttribute("value").length() == 10);
        browser.findElement(By.id(lang.equals("en") ? "lang-en" : "lang-zh")).click();
        assertThat(number("window.innerWidth")).as("the window the page is laid out in").isEqualTo(width);

        assertThat(number("document.getElementById('decide').getBoundingClientRect().bottom"))
                .as("the Decide button is in view without scrolling").isLessThanOrEqualTo(number("window.innerHeight"));
        assertNoSidewaysScroll();

        // An answer with long sentences, a money line and the explanation of every rule that fired.
        fill("sku", "TV-55-X1-A-VERY-LONG-STOCK-KEEPING-UNIT-CODE");
        fill("category", "ELECTRONICS");
        fill("price", "3299.00");
        click("qualityDefect");
        click("explain");
        HeadlessChromium.waitFor(browser, d -> d.findElement(By.id("explanation")).isDisplayed());
        assertNoSidewaysScroll();
        HeadlessChromium.screenshot(browser, "layout-counter-" + width + "-" + lang + ".png");
    }

    @ParameterizedTest(name = "report page at {0} × {1} in {2}")
    @CsvSource({"390, 844, en", "390, 844, zh-CN", "1280, 900, en", "1280, 900, zh-CN"})
    void reportPage(int width, int height, String lang) throws IOException {
        browser = HeadlessChromium.shared(width, height);
        browser.get(live.service.uri() + "/report?by=week&per=store&lang=" + lang);
        HeadlessChromium.waitFor(browser, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(number("window.innerWidth")).as("the window the page is laid out in").isEqualTo(width);

        assertNoSidewaysScroll();
        assertThat(number("document.getElementById('per').scrollWidth")).as("the table per store fits its box: no sideways scrolling inside it either")
                .isLessThanOrEqualTo(number("document.getElementById('per').clientWidth"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) js().executeScript(
                "return [...document.querySelectorAll('.chart')].map(c => ({id: c.parentElement.id,"
                        + " chart: c.getBoundingClientRect().right, canvas: c.querySelector('canvas').getBoundingClientRect().right,"
                        + " box: c.parentElement.getBoundingClientRect().right}));");
        assertThat(charts).as("charts drawn").isNotEmpty();
        for (Map<String, Object> chart : charts) {
            double box = ((Number) chart.get("box")).doubleValue();
            assertThat(((Number) chart.get("chart")).doubleValue()).as(chart.get("id") + " inside its box").isLessThanOrEqualTo(box);
            assertThat(((Number) chart.get("canvas")).doubleValue()).as(chart.get("id") + "'s drawing inside its box").isLessThanOrEqualTo(box);
        }
        HeadlessChromium.screenshot(browser, "layout-report-" + width + "-" + lang + ".png");
    }

    private void assertNoSidewaysScroll() {
        assertThat(number("document.documentElement.scrollWidth"))
                .as("the page is no wider than the window (no sideways scrolling)")
                .isLessThanOrEqualTo(number("window.innerWidth"));
    }

    /** As a person would: scrolled to the middle of the window first (the sticky Decide bar covers its bottom). */
    private void click(String id) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id(id)));
        browser.findElement(By.id(id)).click();
    }

    private void fill(String id, String value) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private long number(String expression) {
        return Math.round(((Number) js().executeScript("return " + expression + ";")).doubleValue());
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }
}
