package vn.motcua.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (both installed by {@code .ci/run}), with a fresh
 * profile per browser; the stats-service dashboard tests, intake-service's status page tests and e2e's browser tests
 * use it. Outside CI a test skips
 * when {@code /usr/bin/chromedriver} is absent; with the environment variable {@code CI=true} a missing
 * {@code /usr/bin/chromedriver} or {@code /usr/bin/chromium} fails it instead, so that a CI run never passes with
 * its browser tests skipped.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Dimension LAPTOP = new Dimension(1366, 768);
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String INSTALL = "apt-get install chromium chromium-driver";

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test when chromedriver is missing; in CI ({@code CI=true}) fails it when chromedriver or
     * chromium is missing.
     */
    public static void assumeChromedriver() {
        if ("true".equals(System.getenv("CI"))) {
            List<Path> missing = new ArrayList<>();
            for (Path executable : List.of(CHROMEDRIVER, CHROMIUM)) {
                if (!Files.isExecutable(executable)) {
                    missing.add(executable);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CI=true and no " + missing.stream().map(Path::toString)
                        .collect(Collectors.joining(" or ")) + ": the browser tests must run in CI; "
                        + INSTALL);
            }
        }
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER + ": " + INSTALL);
    }

    public static Browser open(Dimension size) {
        assumeChromedriver();
        try {
            Path profile = Files.createTempDirectory("dashboard-chromium-");
            ChromeOptions options = new ChromeOptions();
            if (Files.isExecutable(CHROMIUM)) {
                options.setBinary(CHROMIUM.toFile());
            }
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", "--lang=vi-VN", "--user-data-dir=" + profile,
                    "--window-size=" + size.width + "," + size.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(size);
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void get(String url) {
        driver.get(url);
    }

    public WebElement byTestId(String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    public List<WebElement> allByTestId(String testId) {
        return driver.findElements(By.cssSelector("[data-testid='" + testId + "']"));
    }

    /** The text of an element, with no-break spaces made plain. */
    public String text(String testId) {
        return byTestId(testId).getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    public Select select(String testId) {
        return new Select(byTestId(testId));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return await(condition, TIMEOUT);
    }

    public <T> T await(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** Waits until the page has settled on a report answer, ready or error. */
    public String awaitSettled() {
        return await(d -> {
            Object state = js("return document.body.dataset.state");
            return "loading".equals(state) ? null : (String) state;
        });
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Saves the whole page (the window grown to the page's height) under target/dashboard-screenshots/. */
    public Path screenshot(String name) {
        return screenshot("dashboard-screenshots", name);
    }

    /**
     * Saves the whole page (the window grown to the page's height) under target/{@code folder}/, then restores the
     * window.
     */
    public Path screenshot(String folder, String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
            // The window is taller than the page's viewport by the browser's own frame, even when headless.
            long frame = size.height - ((Number) js("return window.innerHeight")).longValue();
            driver.manage().window().setSize(new Dimension(size.width,
                    (int) Math.min(Math.max(height + frame, size.height), 6000)));
            js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            Path target = Path.of("target", folder, name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder
            }
        }
    }
}
