package vn.congvan.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium, driven through ChromeDriver, looking at the application on a local port: a fresh profile
 * (no cookies), a viewport (desktop or phone), a download folder, and helpers for what the browser tests check —
 * screenshots, axe-core, horizontal scrolling and the focus ring. Chromium and ChromeDriver are Debian's packages
 * ({@code apt-get install -y chromium chromium-driver}); other paths can be given with the system properties
 * {@code congvan.browser.chromium} and {@code congvan.browser.chromedriver}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;

    private final String baseUrl;

    private final Viewport viewport;

    private final String journey;

    private final Path profile;

    private final Path downloads;

    private int shots;

    private Browser(ChromeDriver driver, String baseUrl, Viewport viewport, String journey, Path profile,
            Path downloads) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.viewport = viewport;
        this.journey = journey;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Starts a browser for one journey; screenshots go to {@code target/screenshots/<journey>-<viewport>-NN-step.png}. */
    public static Browser start(int port, Viewport viewport, String journey) {
        Path chromium = executable("congvan.browser.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = executable("congvan.browser.chromedriver", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("congvan-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeDriver driver = null;
        try {
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            // The flags that keep Chromium quiet on a closed network (no background requests to Google's hosts).
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("profile"),
                    "--window-size=" + viewport.width() + "," + viewport.height(), "--lang=vi-VN");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "vi-VN,vi"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            // axe-core walks every node; the unit forms still list every unit of the shared test database (thousands
            // after the scale tests), which took axe past the default 30 s on a loaded machine.
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(),
                    "height", viewport.height(), "deviceScaleFactor", 1, "mobile", viewport.mobile()));
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            return new Browser(driver, "http://localhost:" + port, viewport, journey, profile, downloads);
        }
        catch (IOException | RuntimeException ex) {
            // Leave no Chromium, ChromeDriver or profile behind when the start fails half-way.
            if (driver != null) {
                driver.quit();
            }
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
        }
    }

    private static Path executable(String property, String... defaults) {
        String configured = System.getProperty(property);
        Stream<String> candidates = configured != null ? Stream.of(configured) : Stream.of(defaults);
        return candidates.map(Paths::get).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("The browser tests need Chromium and ChromeDriver, "
                        + "not found at " + (configured != null ? configured : String.join(" or ", defaults))
                        + ". On Debian: apt-get install -y chromium chromium-driver (.ci/run does this), or set -D"
                        + property + "=/path/to/it."));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Viewport viewport() {
        return viewport;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The link, button or disclosure ({@code <summary>}) whose visible text is exactly {@code text}. */
    public WebElement control(String text) {
        String literal = xpathLiteral(text);
        return wait("a control '" + text + "'", () -> driver.findElements(By.xpath("//a[normalize-space()=" + literal
                + "] | //button[normalize-space()=" + literal + "] | //summary[normalize-space()=" + literal + "]")).stream().filter(WebElement::isDisplayed)
                .findFirst());
    }

    /** Clicks the visible link or button with that text. */
    public void click(String text) {
        WebElement control = control(text);
        scrollIntoView(control);
        control.click();
    }

    /** The menu's link named {@code text} (a badge after the name, such as an unread count, is not part of it). */
    public WebElement menu(String text) {
        String literal = xpathLiteral(text);
        return find(By.xpath("//nav[contains(@class, 'site-nav')]//a[normalize-space()=" + literal
                + " or normalize-space(span[1])=" + literal + "]"));
    }

    /** Clicks the visible link or button with that text and waits until the next page has replaced this one. */
    public void follow(String text) {
        follow(control(text));
    }

    /** Clicks the link or button and waits until the next page has replaced this one. */
    public void follow(WebElement control) {
        WebElement page = driver.findElement(By.tagName("html"));
        String from = path();
        scrollIntoView(control);
        control.click();
        new WebDriverWait(driver, PATIENCE).withMessage("waiting for a click to lead to another page from " + from)
                .until(ignored -> isGone(page));
    }

    /**
     * Whether the element's page has been replaced. Chromium reports a node of a page being replaced either as stale
     * or, during the swap, as "not belonging to the document": both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        }
        catch (WebDriverException gone) {
            return true;
        }
    }

    /** The form control labelled {@code label} (by {@code <label for>}; "(bắt buộc)" after the label is ignored). */
    public WebElement field(String label) {
        String literal = xpathLiteral(label);
        WebElement element = wait("a label '" + label + "'", () -> driver.findElements(By.xpath("//label[normalize-space()="
                + literal + " or normalize-space(span[1])=" + literal + "]")).stream().findFirst());
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    public void choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
    }

    public void fill(String label, String value) {
        WebElement field = field(label);
        scrollIntoView(field);
        field.clear();
        field.sendKeys(value);
    }

    /** Ticks the checkbox whose label contains {@code text}, by clicking the label as a user would. */
    public void tick(String text) {
        WebElement label = wait("a checkbox labelled '" + text + "'",
                () -> driver.findElements(By.xpath("//label[contains(normalize-space(), " + xpathLiteral(text) + ")]"))
                        .stream().filter(WebElement::isDisplayed).findFirst());
        scrollIntoView(label);
        label.click();
        if (!driver.findElement(By.id(label.getAttribute("for"))).isSelected()) {
            throw new AssertionError("The checkbox labelled '" + text + "' did not tick");
        }
    }

    /** The shown item of a tree (tree.js) whose unit is named {@code name}. */
    public WebElement treeitem(String name) {
        String literal = xpathLiteral(name);
        return wait("a tree item '" + name + "'", () -> driver.findElements(By.xpath("//li[@role='treeitem']"
                + "[div[contains(@class, 'tree__row')]//*[contains(@class, 'tree__name') and normalize-space()="
                + literal + "]]")).stream().filter(WebElement::isDisplayed).findFirst());
    }

    /** Opens the branch of the tree item named {@code name} with a click on its arrow, unless it is open already. */
    public void expand(String name) {
        WebElement item = treeitem(name);
        if (!"true".equals(item.getAttribute("aria-expanded"))) {
            WebElement toggle = item.findElement(By.cssSelector(":scope > .tree__row > .tree__toggle"));
            scrollIntoView(toggle);
            toggle.click();
        }
        wait("the branch of '" + name + "' to open", () -> Optional.of(item)
                .filter(open -> "true".equals(open.getAttribute("aria-expanded")))
                .filter(open -> !open.findElements(By.cssSelector(":scope > ul > li[role=treeitem]")).isEmpty()));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public <T> T wait(String what, Supplier<Optional<T>> probe) {
        // A page being replaced (after a click, a submit or upload.js's reload) makes elements stale: look again.
        return new WebDriverWait(driver, PATIENCE).withMessage("waiting for " + what + " on " + path())
                .ignoring(StaleElementReferenceException.class).until(ignored -> probe.get().orElse(null));
    }

    public void waitForText(String text) {
        wait("the text '" + text + "'", () -> Optional.of(text).filter(t -> text().contains(t)));
    }

    public void waitForPath(String prefix) {
        wait("a page under " + prefix, () -> Optional.of(prefix).filter(p -> path().startsWith(p)));
    }

    public Object script(String source, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(source, arguments);
    }

    public void scrollIntoView(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Presses Tab until {@code wanted} has the focus, checking on the way that each focused element shows it. */
    public void tabTo(String description, String selectorTest, int atMost) {
        for (int i = 0; i < atMost; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertFocusVisible();
            Boolean reached = (Boolean) script("return document.activeElement.matches(arguments[0])", selectorTest);
            if (Boolean.TRUE.equals(reached)) {
                return;
            }
        }
        throw new AssertionError("Tab did not reach " + description + " within " + atMost + " presses on " + path());
    }

    /** Presses Tab {@code stops} times (or until the focus leaves the page), checking each focus ring. */
    public void tabThrough(int stops) {
        for (int i = 0; i < stops; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(script("return document.activeElement === document.body"))) {
                return;
            }
            assertFocusVisible();
        }
    }

    public void press(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The element that has the keyboard focus shows a focus ring: an outline at least 2 px wide, not transparent. */
    public void assertFocusVisible() {
        String problem = (String) script("""
                const element = document.activeElement;
                if (!element || element === document.body) { return null; }
                const style = getComputedStyle(element);
                const colour = style.outlineColor.match(/rgba?\\(([^)]*)\\)/);
                const opaque = !colour || colour[1].split(',').length < 4 || parseFloat(colour[1].split(',')[3]) > 0;
                const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && opaque;
                return ring ? null
                    : element.tagName + ' "' + (element.innerText || element.name || '').trim().slice(0, 40) + '"';
                """);
        if (problem != null) {
            throw new AssertionError("The keyboard focus on " + problem + " is not visible on " + path());
        }
    }

    /** The page does not scroll sideways: nothing is wider than the viewport. */
    public void assertNoHorizontalScroll() {
        String widest = (String) script("""
                const root = document.documentElement;
                if (root.scrollWidth <= root.clientWidth) { return null; }
                const culprits = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                    .filter(e => !e.closest('.table-wrap'))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className);
                return root.scrollWidth + 'px wide in ' + root.clientWidth + 'px: ' + culprits.join(', ');
                """);
        if (widest != null) {
            throw new AssertionError("The page " + path() + " scrolls sideways at " + viewport + ": " + widest);
        }
    }

    /**
     * Runs axe-core (WCAG 2.1 A and AA rules and axe's best practices) on the current page and returns the serious
     * and critical violations, one line each with the elements concerned.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        script(AxeCore.SOURCE);
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                    .then(result => done(result.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                            + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
                    .catch(error => done(['axe failed: ' + error]));
                """);
    }

    /** Saves the whole page (not only what fits the viewport) as the next screenshot of this journey. */
    @SuppressWarnings("unchecked")
    public Path screenshot(String step) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
        double width = Math.max(viewport.width(), content.get("width").doubleValue());
        double height = Math.max(viewport.height(), content.get("height").doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 12000), "scale", 1)));
        Path file = SCREENSHOTS.resolve("%s-%s-%02d-%s.png".formatted(journey, viewport.label(), ++shots, step));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    /** Waits until a download has arrived whole (Chromium writes {@code .crdownload} until it is done). */
    public Path downloaded(String filename) {
        Path file = downloads.resolve(filename);
        return wait("the download " + filename, () -> {
            try (Stream<Path> files = Files.list(downloads)) {
                boolean pending = files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
                return !pending && Files.exists(file) ? Optional.of(file) : Optional.empty();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** Slows the network down (bytes per second each way), so that progress can be seen. */
    public void throttle(int bytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 20,
                "downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
    }

    public void unthrottle() {
        driver.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    public void logIn(String username, String password) {
        open("/dang-nhap");
        fill("Tên đăng nhập", username);
        fill("Mật khẩu", password);
        follow(find(By.cssSelector("main form button[type=submit]")));
        wait("the login to finish", () -> Optional.of(path()).filter(p -> !p.startsWith("/dang-nhap")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /** The SHA-256 of a file's bytes in hexadecimal, as attachments record it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** axe-core's script, put on the test class path by the build (see the pom). */
    private static final class AxeCore {

        static final String SOURCE = load();

        private static String load() {
            try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core/axe.min.js is not on the class path: run the build "
                            + "(./mvnw verify), which takes it from the npm registry");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
