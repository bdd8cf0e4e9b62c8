package paperboy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for page tests: Debian's {@code /usr/bin/chromium}, headless, driven through
 * {@code /usr/bin/chromedriver} (Selenium), with a fresh profile each time and a window of a
 * desktop or a phone. Without Chromium the test is skipped with the reason printed, unless
 * {@code PAPERBOY_REQUIRE_BROWSER=1} (as in CI: {@code .ci/run} installs it), where it fails.
 *
 * <pre>{@code
 * try (Chromium browser = Chromium.start(Chromium.Width.PHONE)) {
 *     browser.open(server.port(), "/signup");
 *     browser.type(By.name("name"), "Ada");
 *     ...
 * }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** The window sizes pages are tested at. */
    public enum Width {
        DESKTOP(1280, 900), PHONE(390, 844);

        final int width;
        final int height;

        Width(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Width width;

    private Chromium(ChromeDriver driver, Path profile, Width width) {
        this.driver = driver;
        this.profile = profile;
        this.width = width;
    }

    /** A headless Chromium at this width; skips (or, with PAPERBOY_REQUIRE_BROWSER=1, fails) when there is none. */
    public static Chromium start(Width width) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("paperboy-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + width.width + "," + width.height));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width.width, width.height));
        return new Chromium(driver, profile, width);
    }

    private static void requireInstalled() {
        String missing = Stream.of(BINARY, DRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + " and " + b).orElse(null);
        if (missing == null) {
            return;
        }
        String reason = "no browser for page tests: " + missing + " missing (apt-get install chromium chromium-driver)";
        if ("1".equals(System.getenv("PAPERBOY_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(reason + "; PAPERBOY_REQUIRE_BROWSER=1 makes this a failure");
        }
        System.err.println("skipped: " + reason);
        Assumptions.abort(reason);
    }

    public WebDriver driver() {
        return driver;
    }

    public Width width() {
        return width;
    }

    /** Opens {@code path} of the server on {@code port} and waits for the page to load. */
    public void open(int port, String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** The element, once it is on the page and visible. */
    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clears a field and types into it. */
    public void type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks an element once it can be clicked. */
    public void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits until the page's address path is {@code path}. */
    public void waitForPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> java.net.URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    /** Waits until {@code condition} holds (for pages a script changes). */
    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** True when the page is no wider than the window (nothing to scroll sideways). */
    public boolean fitsTheWindow() {
        Object fits = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /** The visible text of the page's body. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the test
        }
    }
}
