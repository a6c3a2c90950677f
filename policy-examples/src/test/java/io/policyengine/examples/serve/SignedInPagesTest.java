package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.examples.access.Access;
import io.policyengine.examples.access.AllowedHosts;
import io.policyengine.examples.access.LiveCallers;
import io.policyengine.examples.access.Tokens;
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
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter page and the report page of a service with callers (contract 15), in a real headless Chromium: each
 * asks for a token, keeps it for the tab, says who is signed in, and shows a manager of one store only that store.
 */
@ResourceLock(HeadlessChromium.BROWSER)
class SignedInPagesTest {
    private static final String TILL = "till-token-of-the-page-tests-0000000000000";
    private static final String MANAGER = "manager-token-of-the-page-tests-0000000000";
    private static final String ADMIN = "admin-token-of-the-page-tests-000000000000";

    @TempDir
    static Path dir;
    private static LiveService live;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.shared(1280, 1400);
        Path callers = Files.writeString(dir.resolve("callers.txt"), """
                till-sh12  counter  SH-0012  %s
                mgr-sh12   manager  SH-0012  %s
                ops        admin    *        %s
                """.formatted(Tokens.hash(TILL), Tokens.hash(MANAGER), Tokens.hash(ADMIN)));
        Access access = Access.of(LiveCallers.watch(callers, LiveCallers.Listener.NONE), null, AllowedHosts.of(List.of(), "127.0.0.1"));
        live = LiveService.start(LiveService.storeStandard(), dir.resolve("decisions.jsonl"), access, null);
        // the log holds a claim of store SH-0012 in March and one of BJ-0003 in May, both decided by the operators
        decideAsAdmin(AccessControlTest.claim("C-SH-1", "SH-0012", "2026-03-09"));
        decideAsAdmin(AccessControlTest.claim("C-BJ-1", "BJ-0003", "2026-05-20"));
    }

    private static void decideAsAdmin(String claim) {
        assertThat(live.send(HttpRequest.newBuilder(live.uri("/v1/decisions")).POST(HttpRequest.BodyPublishers.ofString(claim))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN).build()).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (live != null) live.close();
    }

    @BeforeEach
    void freshTab() {
        browser.get(live.service.uri() + "/healthz");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
    }

    @Test
    @DisplayName("the counter page asks for the token, says who is signed in, offers the counter's store and decides for it only")
    void counterSignedInAsACounter() throws IOException {
        browser.get(live.service.uri() + "/");
        waitFor(d -> d.findElement(By.id("sign-in")).isDisplayed());
        assertThat(browser.findElement(By.id("counter")).isDisplayed()).as("nothing to fill in before signing in").isFalse();

        type("token", "a-token-of-nobody");
        browser.findElement(By.id("sign-in-submit")).click();
        waitFor(d -> !d.findElement(By.id("sign-in-error")).getText().isEmpty());
        assertThat(text("sign-in-error")).isEqualTo("The token was not accepted: token: not a token of a caller of this service");

        type("token", TILL);
        browser.findElement(By.id("sign-in-submit")).click();
        waitFor(d -> d.findElement(By.id("who")).isDisplayed());
        assertThat(text("signed-in-as")).isEqualTo("Signed in as till-sh12 (counter; stores SH-0012)");
        assertThat(browser.findElement(By.id("store")).getAttribute("value")).isEqualTo("SH-0012");
        assertThat(sessionToken()).as("kept for the tab").isEqualTo(TILL);
        assertThat(browser.manage().getCookies()).as("never in a cookie").isEmpty();

        fillExampleClaim("C-TILL-1");
        click("decide");
        waitFor(d -> d.findElement(By.id("answer")).isDisplayed());
        assertThat(text("outcome")).isEqualTo("refund");
        JsonNode logged = LiveService.parse(lastLogLine());
        assertThat(logged.get("caller").asText()).isEqualTo("till-sh12");
        assertThat(logged.get("claim").get("store").asText()).isEqualTo("SH-0012");

        type("store", "BJ-0003");
        click("decide");
        WebElement store = browser.findElement(By.id("store"));
        waitFor(d -> "true".equals(store.getAttribute("aria-invalid")));
        assertThat(store.findElement(By.xpath("following-sibling::span[@class='error']")).getText())
                .isEqualTo("\"BJ-0003\" is not a store of till-sh12 (SH-0012)");

        click("lang-zh");
        assertThat(text("signed-in-as")).isEqualTo("已登录：till-sh12（柜台；门店 SH-0012）");
        click("decide");
        // the service's error stays the contract's English; the 中文 page says it in Chinese
        String chinese = "“BJ-0003”不是till-sh12可办理的门店（可办理：SH-0012）";
        waitFor(d -> chinese.equals(store.findElement(By.xpath("following-sibling::span[@class='error']")).getText()));
        HeadlessChromium.screenshot(browser, "counter-page-signed-in-zh-CN.png");
        click("lang-en");

        click("sign-out");
        waitFor(d -> d.findElement(By.id("sign-in")).isDisplayed());
        assertThat(sessionToken()).isNull();
    }

    @Test
    @DisplayName("the report page asks for the token, then shows a manager of one store only that store's decisions, by month and by day")
    void reportSignedInAsAManager() throws IOException {
        browser.get(live.service.uri() + "/report?lang=en");
        waitFor(d -> d.findElement(By.id("token")).isDisplayed());
        assertThat(browser.getPageSource()).as("no figure before signing in").doesNotContain("2026-03-09");

        type("token", MANAGER);
        browser.findElement(By.id("submit")).click();
        waitFor(d -> reportReady());
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(text("signed-in-as")).isEqualTo("Signed in as mgr-sh12 (manager; stores SH-0012)");
        assertThat(shown).contains("2026-03-09").doesNotContain("2026-05-20");
        HeadlessChromium.screenshot(browser, "report-page-signed-in-manager.png");

        browser.findElement(By.id("by-day")).click();
        waitFor(d -> d.getCurrentUrl().contains("by=day") && reportReady());
        assertThat(text("signed-in-as")).as("the tab's token opens the next page without asking").contains("mgr-sh12");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("2026-05-20");
    }

    @Test
    @DisplayName("a counter's token does not open the report: the sign-in page says why")
    void reportRefusesACounter() {
        browser.get(live.service.uri() + "/report?lang=en");
        waitFor(d -> d.findElement(By.id("token")).isDisplayed());
        type("token", TILL);
        browser.findElement(By.id("submit")).click();
        waitFor(d -> !d.findElement(By.id("problem")).getText().isEmpty());

        assertThat(text("problem")).isEqualTo("The token was not accepted: till-sh12 has the role counter; this needs manager or above");
        assertThat(sessionToken()).isNull();
    }

    private static String lastLogLine() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("decisions.jsonl"));
        return lines.get(lines.size() - 1);
    }

    /** Whether the report is drawn; asked in the page, since the sign-in page is written over while this waits. */
    private static boolean reportReady() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return !!document.body && document.body.dataset.ready === 'true' && !!document.getElementById('signed-in-as');"));
    }

    private static String sessionToken() {
        return (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('policy-engine.token');");
    }

    private void fillExampleClaim(String id) {
        type("id", id);
        type("sku", "TV-55-X1");
        type("category", "ELECTRONICS");
        type("price", "3299.00");
        setDate("purchaseDate", "2026-03-01");
        setDate("claimDate", "2026-03-09");
        click("qualityDefect");
        browser.findElement(By.cssSelector("#request option[value='REFUND']")).click();
    }

    private static void click(String id) {
        HeadlessChromium.click(browser, id);
    }

    private static void type(String id, String value) {
        HeadlessChromium.type(browser, id, value);
    }

    private static void setDate(String id, String isoDate) {
        HeadlessChromium.setDate(browser, id, isoDate);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void waitFor(Predicate<WebDriver> condition) {
        HeadlessChromium.waitFor(browser, condition);
    }
}
