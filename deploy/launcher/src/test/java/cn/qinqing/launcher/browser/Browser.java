package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium ({@code /usr/bin/chromium}, Debian's {@code chromium} and {@code chromium-driver};
 * nothing is ever downloaded), a fresh profile per browser, as a desktop window or an emulated phone. A browser that
 * cannot start fails the test: these tests never skip.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("qinqing.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("qinqing.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    static final String PASSWORD = "qinqing-demo";

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Look look;
    private final URI portal;
    private final WebDriverWait wait;
    private final String test;

    private Browser(
            ChromeDriver driver, ChromeDriverService service, Path profile, Look look, URI portal, String test) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.look = look;
        this.portal = portal;
        this.test = test;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A new browser with an empty profile (no cookies), opened at nothing yet. */
    static Browser open(Look look, URI portal, String test) {
        assertThat(CHROMIUM)
                .as("Chromium (apt-get install chromium chromium-driver)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("chromedriver (apt-get install chromium-driver)")
                .isExecutable();
        Path profile;
        try {
            profile = Files.createTempDirectory("qinqing-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--lang=" + look.language(),
                "--window-size=1280,900");
        if (look.phone()) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true, "mobile", true),
                            "userAgent",
                            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                                    + " Chrome/156.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        try {
            requireChineseGlyphs(driver);
        } catch (AssertionError | RuntimeException e) {
            driver.quit();
            service.stop();
            throw e;
        }
        return new Browser(driver, service, profile, look, portal, test);
    }

    /**
     * The portal is Chinese first: without a CJK font Chromium draws every Chinese character as the same empty box
     * (the font's .notdef glyph), and the screenshots the tests keep show boxes. Two different characters drawn the
     * same are those boxes.
     */
    static void requireChineseGlyphs(ChromeDriver driver) {
        driver.get("about:blank");
        Object drawn = driver.executeScript(
                """
                const canvas = document.createElement('canvas');
                canvas.width = 64;
                canvas.height = 40;
                const context = canvas.getContext('2d');
                const draw = text => {
                  context.clearRect(0, 0, canvas.width, canvas.height);
                  context.font = '28px sans-serif';
                  context.fillText(text, 2, 32);
                  return canvas.toDataURL();
                };
                return [draw('亲'), draw('清')];
                """);
        assertThat(drawn).isInstanceOf(List.class);
        List<?> glyphs = (List<?>) drawn;
        assertThat(glyphs.get(0))
                .as("Chromium draws Chinese as boxes: install a CJK font"
                        + " (apt-get install fonts-noto-cjk, or fonts-wqy-zenhei as CI does)")
                .isNotEqualTo(glyphs.get(1));
    }

    Look look() {
        return look;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the portal. */
    Browser go(String path) {
        driver.get(portal.resolve(path).toString());
        return this;
    }

    /**
     * Signs in the way a person does: the start page in this look's language, the sign-in button, the identity
     * provider's form; returns on the user's first page.
     */
    Browser signIn(String username) {
        go("/?lang=" + look.language());
        click(By.id("sign-in"));
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                .as("the provider's sign-in page speaks the portal's language")
                .startsWith(look.english() ? "en" : "zh");
        screenshot("sign-in");
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("password")).submit();
        wait.until(ExpectedConditions.urlMatches("^" + portal + "/(enterprise|dispatcher|official|leader|supervisor)"));
        return this;
    }

    /** Signs out through the page's own button (the provider's session ends too). */
    Browser signOut() {
        click(By.cssSelector("form[action$='/logout'] button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        return this;
    }

    void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
        element.click();
    }

    void type(By by, String text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        element.clear();
        element.sendKeys(text);
    }

    /** Sets a date or time input's value as the browser would submit it (typing depends on the browser's locale). */
    void setValue(By by, String value) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", element, value);
    }

    void choose(By by, String value) {
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(by))).selectByValue(value);
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * Waits until the page's main content shows the text. Right after a click the page may be replaced while it is
     * read (Chromium then answers "node does not belong to the document"): that is retried like a missing element.
     */
    Browser sees(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(WebDriverException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("FAILED-expected-text");
            throw new AssertionError("The page " + driver.getCurrentUrl() + " does not show '" + text + "'; it shows:\n"
                    + driver.findElement(By.tagName("body")).getText());
        }
        return this;
    }

    /**
     * Reloads the page until its main content shows the text: what one user did reaches another's page through
     * the services' events, a moment later.
     */
    Browser reloadUntil(String text, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!mainText().contains(text)) {
            if (System.nanoTime() > deadline) {
                return sees(text);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            driver.navigate().refresh();
        }
        return this;
    }

    /**
     * The page's main content. Read while a submission replaces the page, the element found may be gone before its
     * text is read (stale, or "node does not belong to the document"): it is read again from the new page, as
     * {@link #sees} does.
     */
    String mainText() {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("main")).getText());
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void waitForPath(String regex) {
        wait.until(driver -> URI.create(driver.getCurrentUrl()).getPath().matches(regex));
    }

    /**
     * Saves the whole page as {@code target/screenshots/<test>-<look>-<step>.png}; the page's full height, not only
     * the window.
     */
    Path screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number width =
                    (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
            Number height = (Number) ((JavascriptExecutor) driver)
                    .executeScript(
                            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of(
                                    "x",
                                    0,
                                    "y",
                                    0,
                                    "width",
                                    width.intValue(),
                                    "height",
                                    Math.min(height.intValue(), 6000),
                                    "scale",
                                    1)));
            Path file = SCREENSHOTS.resolve(test + "-" + look + "-" + step + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile harms nothing
            }
        }
    }
}
