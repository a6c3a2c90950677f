package io.policyengine.examples.serve;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven through its chromedriver, for the page tests: skipped where it is not
 * installed, but a failure on CI (where .ci/run installs it).
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Selenium warns on every start that it ships no DevTools (CDP) support for Debian's newer Chromium; the
     * tests use WebDriver alone, so its warnings are only noise in the build. Held here: java.util.logging keeps
     * loggers weakly, and a collected one would forget its level.
     */
    private static final Logger SELENIUM = quiet("org.openqa.selenium");

    private HeadlessChromium() {
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /**
     * A browser with its profile in {@code profile}, its window (or below 500 px wide, an emulated phone's screen)
     * {@code width} x {@code height}; the test is skipped without Chromium.
     */
    private static WebDriver start(Path profile, int width, int height) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI must test the pages in a browser: .ci/run installs chromium and chromium-driver");
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + Math.max(width, 500) + "," + height, "--lang=en-US");
        if (width < 500) {
            // Chromium's windows are at least 500 px wide: a phone's screen is emulated as a phone (its viewport, touch).
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    /** What the page test classes lock, so that they take turns with the shared browsers ({@link #shared}). */
    static final String BROWSER = "chromium";
    /** The shared browsers by kind: a desktop window, resized for each class, and an emulated phone of each screen size. */
    private static final Map<String, WebDriver> SHARED = new HashMap<>();
    private static final List<Path> PROFILES = new ArrayList<>();

    /**
     * A browser for this JVM's page tests, its window {@code width} x {@code height}: one desktop browser resized for each
     * caller, one phone browser a screen size (a phone's screen is fixed when it starts). A Chromium start costs several CPU
     * seconds, and the tests load their pages afresh. Quit when the tests' JVM ends; callers lock {@link #BROWSER}.
     */
    static synchronized WebDriver shared(int width, int height) {
        String kind = width < 500 ? "phone " + width + "x" + height : "desktop";
        WebDriver browser = SHARED.get(kind);
        if (browser == null) {
            Path profile;
            try {
                profile = Files.createTempDirectory("policy-chromium");
                PROFILES.add(profile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            browser = start(profile, width, height);
            if (SHARED.isEmpty()) Runtime.getRuntime().addShutdownHook(new Thread(HeadlessChromium::quitShared, "quit-chromium"));
            SHARED.put(kind, browser);
        } else if (kind.equals("desktop")) {
            browser.manage().window().setSize(new Dimension(width, height));
        }
        return browser;
    }

    private static synchronized void quitShared() {
        SHARED.values().forEach(WebDriver::quit);
        SHARED.clear();
        for (Path profile : PROFILES) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a profile left in the temporary folder is only litter
            }
        }
    }

    /** Waits up to 30 s for the page to show what {@code condition} looks for. */
    static void waitFor(WebDriver browser, Predicate<WebDriver> condition) {
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

    /** Saves what the browser shows as policy-examples/target/{@code name}, for people to look at. */
    static void screenshot(WebDriver browser, String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Clicks as a cashier would: the element scrolled to the middle of the window first (a sticky bar may cover its bottom). */
    static void click(WebDriver browser, String id) {
        org.openqa.selenium.WebElement element = browser.findElement(org.openqa.selenium.By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Replaces what the input of {@code id} holds with {@code value}, typed. */
    static void type(WebDriver browser, String id, String value) {
        org.openqa.selenium.WebElement input = browser.findElement(org.openqa.selenium.By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Sets a date input (typed text would go by the browser's locale; a cashier picks from the calendar). */
    static void setDate(WebDriver browser, String id, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }
}
