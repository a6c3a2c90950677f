package io.policyengine.examples.serve;

import io.policyengine.examples.report.DecisionLogs;
import io.policyengine.examples.report.MonthOfClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page (contract 13) in a real headless Chromium: the file {@code policy report --html} writes,
 * and {@code GET /report} of a service whose decision log holds a generated month, each in English and
 * Chinese. Screenshots are saved as policy-examples/target/report-*.png for people to look at.
 */
@ResourceLock(HeadlessChromium.BROWSER)
class ReportPageTest {

    @TempDir
    static Path dir;
    private static Path month;
    private static LiveService live;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.shared(1280, 2300);
        DecisionLogs.Run generated = DecisionLogs.policy("generate-log", "--month", "2026-06");
        assertThat(generated.exit()).as(generated.err()).isZero();
        month = dir.resolve("month.jsonl");
        Files.writeString(month, generated.out());
        Path serviceLog = dir.resolve("service.jsonl");
        Files.write(serviceLog, DecisionLogs.atStores(Files.readAllLines(month), 27));
        live = LiveService.start(LiveService.storeStandard(), false, serviceLog);
    }

    @AfterAll
    static void stop() {
        if (live != null) live.close();
    }

    @Test
    @DisplayName("--html: one self-contained file with a chart per figure over the weeks, the warning and the missed plan, in en and zh-CN")
    void htmlFile() throws IOException {
        Path targets = dir.resolve("targets.txt");
        Files.writeString(targets, "requestsMet 98%\nonSiteLate 5%\n");
        for (String lang : List.of("en", "zh-CN")) {
            Path page = dir.resolve("report-" + lang + ".html");
            DecisionLogs.Run run = DecisionLogs.policy("report", "--by", "week", "--targets", targets.toString(), "--lang", lang,
                    "--html", page.toString(), month.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(Files.readString(page)).doesNotContainPattern("(src|href)=\"?https?:");

            browser.get(page.toUri().toString());
            waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));

            assertCharts(5);
            assertThat(text("warnings")).contains(MonthOfClaims.RECURRING_SKU).contains(MonthOfClaims.RECURRING_FAULT);
            assertThat(text("targets")).contains(lang.equals("en") ? "review the plan" : "需复核计划");
            assertThat(text("title")).isEqualTo(lang.equals("en") ? "Service report" : "售后服务报告");
            assertThat(browser.findElements(By.cssSelector("#switch a"))).as("a file has no period switch").isEmpty();
            if (lang.equals("zh-CN")) {
                // Chinese dates, weeks and articles; no English word but the SKUs, fault codes and claim ids of the log
                String shown = browser.findElement(By.tagName("body")).getText();
                assertThat(shown).contains("2026年6月1日", "第六条").doesNotContain("2026-06-01");
                String words = shown.replace(MonthOfClaims.RECURRING_SKU, "").replace(MonthOfClaims.RECURRING_FAULT, "")
                        .replaceAll("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+", "");
                assertThat(words).as("English in the 中文 report:%n%s", shown).doesNotContainPattern("[A-Za-z]{2,}");
                Object weeks = ((JavascriptExecutor) browser).executeScript(
                        "return echarts.getInstanceByDom(document.querySelector('#chart-claims .chart')).getOption().xAxis[0].data;");
                assertThat(weeks.toString()).contains("2026年第23周");
            }
            screenshot("report-page-" + lang + ".png");
        }
    }

    @Test
    @DisplayName("a log from before money and duties: those three figures say 'not in the log' instead of a chart")
    void olderLog() throws IOException {
        Path older = dir.resolve("older.jsonl");
        Files.write(older, Files.readAllLines(month).stream().map(DecisionLogs::beforeMoneyAndDuties).toList());
        Path page = dir.resolve("older.html");
        assertThat(DecisionLogs.policy("report", "--html", page.toString(), older.toString()).exit()).isZero();

        browser.get(page.toUri().toString());
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));

        for (String figure : List.of("refunded", "depreciationKept", "overdueDuties")) {
            assertThat(browser.findElements(By.cssSelector("#chart-" + figure + " canvas"))).as(figure).isEmpty();
            assertThat(text("chart-" + figure)).as(figure).endsWith("not in the log");
        }
        assertThat(browser.findElements(By.cssSelector("#chart-claims canvas"))).isNotEmpty();
    }

    @Test
    @DisplayName("GET /report: the service's own log by month, switched to days, then to 中文")
    void servicePage() throws IOException {
        browser.get(live.service.uri() + "/report");
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(text("subtitle")).startsWith("by month, 308 claims (308 decisions read) from 2026-06-01 to 2026-06-30");
        assertCharts(1);
        assertThat(text("warnings")).contains(MonthOfClaims.RECURRING_SKU);
        screenshot("report-service-en.png");

        browser.findElement(By.id("by-day")).click();
        waitFor(d -> d.getCurrentUrl().contains("by=day") && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertCharts(30);
        screenshot("report-service-by-day-en.png");

        browser.findElement(By.id("lang-zh-CN")).click();
        waitFor(d -> d.getCurrentUrl().contains("lang=zh-CN") && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(text("title")).isEqualTo("售后服务报告");
        assertThat(text("subtitle")).startsWith("按日统计，308件申请（读取308条决定）");
        assertCharts(30);
        screenshot("report-service-zh-CN.png");
    }

    @Test
    @DisplayName("GET /report?per=store: a row per store with every figure, worst first, a chart of the 20 worst; then per region, in 中文")
    void perStore() throws IOException {
        browser.get(live.service.uri() + "/report?per=store");
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        JavascriptExecutor js = (JavascriptExecutor) browser;

        assertThat(text("per")).startsWith("Per store, worst first on requests met (whole log)");
        List<WebElement> rows = browser.findElements(By.cssSelector("#per tbody tr"));
        assertThat(rows).as("27 stores and the claims without one").hasSize(28);
        assertThat(browser.findElements(By.cssSelector("#per thead th"))).extracting(WebElement::getText).startsWith("store", "region", "claims",
                "decisions read", "outcomes", "requests met");
        List<Double> shares = rows.stream().map(r -> r.findElements(By.tagName("td")).get(5).getText())
                .map(t -> Double.parseDouble(t.substring(0, t.indexOf('%')))).toList();
        assertThat(shares).as("worst first").isSorted();
        Object bars = js.executeScript("return echarts.getInstanceByDom(document.getElementById('per-chart')).getOption().yAxis[0].data;");
        assertThat((List<?>) bars).as("the 20 worst").hasSize(20).first().isEqualTo(rows.get(0).findElements(By.tagName("td")).get(0).getText());
        assertThat(browser.findElement(By.id("per-store")).getAttribute("class")).isEqualTo("current");
        screenshot("report-service-per-store-en.png");

        browser.findElement(By.id("lang-zh-CN")).click();
        waitFor(d -> d.getCurrentUrl().contains("lang=zh-CN") && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.getCurrentUrl()).as("the switch keeps the grouping").contains("per=store");
        browser.findElement(By.id("per-region")).click();
        waitFor(d -> d.getCurrentUrl().contains("per=region") && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(text("per")).startsWith("各区域指标").contains("（未注明区域）", "元");
        assertThat(browser.findElements(By.cssSelector("#per tbody tr"))).hasSize(5);
        screenshot("report-service-per-region-zh-CN.png");
    }

    /** A box per figure, with a chart drawn over {@code periods} periods in each. */
    private static void assertCharts(int periods) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<String> figures = List.of("claims", "byOutcome", "requestsMet", "refusals", "refunded", "depreciationKept",
                "compensation", "onSiteLate", "repeatRepairs", "overdueDuties");
        for (String figure : figures) {
            String box = "chart-" + figure;
            assertThat(browser.findElements(By.cssSelector("#" + box + " canvas"))).as(figure).isNotEmpty();
            Object categories = js.executeScript("const chart = echarts.getInstanceByDom(document.querySelector('#" + box
                    + " .chart')); return chart.getOption().xAxis[0].data.length;");
            assertThat(((Number) categories).intValue()).as(figure).isEqualTo(periods);
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void waitFor(Predicate<WebDriver> condition) {
        HeadlessChromium.waitFor(browser, condition);
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
