package vn.congvan.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium, driven by Playwright for Java over the DevTools protocol, looking at the application on a
 * local port: a fresh profile (no cookies), a viewport (desktop or phone), downloads kept, and helpers for what the
 * browser tests check — screenshots, axe-core, horizontal scrolling and the focus ring. The Chromium is the system's
 * ({@code /usr/bin/chromium}, Debian's package) where there is one, otherwise the one the build took from the npm
 * registry ({@link RegistryChromium}); {@code -Dcongvan.browser=registry} or {@code system} forces one, and
 * {@code -Dcongvan.browser.chromium=/path} names another binary (docs/adr/0028-chromium-from-the-npm-registry.md).
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final List<String> SYSTEM_CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private final BrowserContext context;

    private final Page page;

    private final CDPSession devTools;

    private final String baseUrl;

    private final Viewport viewport;

    private final String journey;

    private final Path downloads;

    private final boolean registry;

    private int shots;

    private Browser(
            BrowserContext context,
            boolean registry,
            String baseUrl,
            Viewport viewport,
            String journey,
            Path downloads) {
        this.context = context;
        this.page = context.newPage();
        this.devTools = context.newCDPSession(page);
        this.baseUrl = baseUrl;
        this.viewport = viewport;
        this.journey = journey;
        this.downloads = downloads;
        this.registry = registry;
    }

    /**
     * Starts a browser for one journey, a fresh profile (no cookies, no storage) in this test JVM's Chromium; screenshots
     * go to {@code target/screenshots/<journey>-<viewport>-NN-step.png}.
     */
    public static Browser start(int port, Viewport viewport, String journey) {
        boolean registry = registry();
        Path downloads;
        try {
            downloads = Files.createTempDirectory("congvan-downloads-");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            // The viewport and the mobile flag become Emulation.setDeviceMetricsOverride; the locale the
            // Accept-Language header.
            BrowserContext context = Chromium.launched(registry)
                    .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                            .setViewportSize(viewport.width(), viewport.height())
                            .setDeviceScaleFactor(1)
                            .setIsMobile(viewport.mobile())
                            .setLocale("vi-VN")
                            .setAcceptDownloads(true));
            context.setDefaultTimeout(PATIENCE.toMillis());
            context.setDefaultNavigationTimeout(30_000);
            return new Browser(context, registry, "http://localhost:" + port, viewport, journey, downloads);
        } catch (RuntimeException ex) {
            // Leave no folder behind when the start fails half-way.
            FileSystemUtils.deleteRecursively(downloads.toFile());
            throw ex;
        }
    }

    /**
     * One Playwright driver and one headless Chromium for the whole test JVM, launched by the first journey and closed
     * when the JVM ends: starting both took a second or two of CPU for each of the suite's two dozen journeys, while a
     * context of its own (cookies, storage, cache, downloads, viewport) keeps each journey apart as a new browser did.
     * Launched again when the previous one has gone away or another Chromium is asked for.
     */
    private static final class Chromium {

        private static Playwright playwright;

        private static com.microsoft.playwright.Browser browser;

        private static boolean launchedFromRegistry;

        static synchronized com.microsoft.playwright.Browser launched(boolean registry) {
            if (browser != null && browser.isConnected() && launchedFromRegistry == registry) {
                return browser;
            }
            close();
            BrowserType.LaunchOptions launch = registry
                    ? new BrowserType.LaunchOptions()
                            .setExecutablePath(RegistryChromium.binary())
                            .setEnv(RegistryChromium.environment())
                    : new BrowserType.LaunchOptions()
                            .setExecutablePath(systemChromium()
                                    .orElseThrow(() -> new IllegalStateException(
                                            "No Chromium at " + String.join(" or ", systemCandidates())
                                                    + "; without -Dcongvan.browser=system the build takes one from the npm registry "
                                                    + "(docs/adr/0028-chromium-from-the-npm-registry.md).")));
            // Playwright would otherwise download browsers of its own, which this network does not allow.
            Playwright started = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                browser = started.chromium()
                        .launch(launch.setHeadless(true)
                                // The flags that keep Chromium quiet on a closed network (no background requests to
                                // Google's hosts).
                                .setArgs(List.of(
                                        "--disable-gpu",
                                        "--disable-quic",
                                        "--no-first-run",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--disable-sync",
                                        "--disable-dev-shm-usage")));
            } catch (RuntimeException ex) {
                // Leave no Chromium or Playwright driver behind when the launch fails.
                started.close();
                throw ex;
            }
            if (playwright == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close, "close-chromium"));
            }
            playwright = started;
            launchedFromRegistry = registry;
            return browser;
        }

        /** Closing Playwright closes its Chromium and ends its driver process. */
        static synchronized void close() {
            if (browser != null) {
                try {
                    playwright.close();
                } finally {
                    // A driver that died already may fail to close: the next journey launches a new one all the same.
                    browser = null;
                }
            }
        }
    }

    /** Whether to launch the registry's Chromium rather than the system's: see the class comment for the choice. */
    static boolean registry() {
        String route = System.getProperty("congvan.browser", "auto");
        boolean named = System.getProperty("congvan.browser.chromium") != null;
        return switch (route) {
            case "registry" -> !named;
            case "system" -> false;
            case "auto" -> !named && systemChromium().isEmpty();
            default -> throw new IllegalStateException("-Dcongvan.browser is auto, system or registry, not " + route);
        };
    }

    private static List<String> systemCandidates() {
        String configured = System.getProperty("congvan.browser.chromium");
        return configured != null ? List.of(configured) : SYSTEM_CHROMIUM;
    }

    private static Optional<Path> systemChromium() {
        return systemCandidates().stream()
                .map(Paths::get)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The page the journey looks at. */
    public Page page() {
        return page;
    }

    public Viewport viewport() {
        return viewport;
    }

    public void open(String path) {
        page.navigate(baseUrl + path);
    }

    public String path() {
        String url = page.url();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** The first element matching a Playwright selector ({@code css}, or {@code xpath=...}), waiting for it a while. */
    public ElementHandle find(String selector) {
        return page.waitForSelector(
                selector, new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
    }

    public List<ElementHandle> findAll(String selector) {
        return page.querySelectorAll(selector);
    }

    /** The link, button or disclosure ({@code <summary>}) whose visible text is exactly {@code text}. */
    public ElementHandle control(String text) {
        String literal = xpathLiteral(text);
        return wait(
                "a control '" + text + "'",
                () -> page
                        .querySelectorAll("xpath=//a[normalize-space()=" + literal + "] | //button[normalize-space()="
                                + literal + "] | //summary[normalize-space()=" + literal + "]")
                        .stream()
                        .filter(ElementHandle::isVisible)
                        .findFirst());
    }

    /** Clicks the visible link or button with that text. */
    public void click(String text) {
        ElementHandle control = control(text);
        scrollIntoView(control);
        control.click();
    }

    /** The menu's link named {@code text} (a badge after the name, such as an unread count, is not part of it). */
    public ElementHandle menu(String text) {
        String literal = xpathLiteral(text);
        return find("xpath=//nav[contains(@class, 'site-nav')]//a[normalize-space()=" + literal
                + " or normalize-space(span[1])=" + literal + "]");
    }

    /** Clicks the visible link or button with that text and waits until the next page has replaced this one. */
    public void follow(String text) {
        follow(control(text));
    }

    /** Clicks the link or button and waits until the next page has replaced this one. */
    public void follow(ElementHandle control) {
        ElementHandle html = page.querySelector("html");
        String from = path();
        scrollIntoView(control);
        control.click();
        wait(
                "a click to lead to another page from " + from,
                () -> Optional.of(html).filter(Browser::isGone));
    }

    /**
     * Whether the element's page has been replaced: its node is no longer in the document, or its document's
     * JavaScript context is gone (Playwright then refuses to evaluate on it).
     */
    private static boolean isGone(ElementHandle element) {
        try {
            return !Boolean.TRUE.equals(element.evaluate("node => node.isConnected"));
        } catch (PlaywrightException gone) {
            return true;
        }
    }

    /** The form control labelled {@code label} (by {@code <label for>}; "(bắt buộc)" after the label is ignored). */
    public ElementHandle field(String label) {
        String literal = xpathLiteral(label);
        ElementHandle element = wait(
                "a label '" + label + "'",
                () -> page
                        .querySelectorAll("xpath=//label[" + "normalize-space()=" + literal
                                + " or normalize-space(span[1])=" + literal + "]")
                        .stream()
                        .findFirst());
        return byId(element.getAttribute("for"));
    }

    private ElementHandle byId(String id) {
        return find("id=" + id);
    }

    public void choose(String label, String option) {
        field(label).selectOption(new SelectOption().setLabel(option));
    }

    public void fill(String label, String value) {
        ElementHandle field = field(label);
        scrollIntoView(field);
        field.fill(value);
    }

    /** Chooses the files of the file field labelled {@code label}, as a user picking them would. */
    public void attach(String label, Path... files) {
        field(label).setInputFiles(files);
    }

    /** Ticks the checkbox whose label contains {@code text}, by clicking the label as a user would. */
    public void tick(String text) {
        ElementHandle label =
                wait(
                        "a checkbox labelled '" + text + "'",
                        () -> page
                                .querySelectorAll(
                                        "xpath=//label[contains(normalize-space(), " + xpathLiteral(text) + ")]")
                                .stream()
                                .filter(ElementHandle::isVisible)
                                .findFirst());
        scrollIntoView(label);
        label.click();
        if (!byId(label.getAttribute("for")).isChecked()) {
            throw new AssertionError("The checkbox labelled '" + text + "' did not tick");
        }
    }

    /** The shown item of a tree (tree.js) whose unit is named {@code name}. */
    public ElementHandle treeitem(String name) {
        String literal = xpathLiteral(name);
        return wait("a tree item '" + name + "'", () -> {
            Optional<ElementHandle> item = page
                    .querySelectorAll("xpath=//li[@role='treeitem']"
                            + "[div[contains(@class, 'tree__row')]//*[contains(@class, 'tree__name') and normalize-space()="
                            + literal + "]]")
                    .stream()
                    .filter(ElementHandle::isVisible)
                    .findFirst();
            if (item.isEmpty()) {
                // A level shows a page of units (the other tests' units come first by name): "Xem thêm", as a person
                // would, until the item is there.
                page.querySelectorAll("li.tree__more:not([aria-busy=true])").stream()
                        .filter(ElementHandle::isVisible)
                        .findFirst()
                        .ifPresent(ElementHandle::click);
            }
            return item;
        });
    }

    /** Opens the branch of the tree item named {@code name} with a click on its arrow, unless it is open already. */
    public void expand(String name) {
        ElementHandle item = treeitem(name);
        if (!"true".equals(item.getAttribute("aria-expanded"))) {
            ElementHandle toggle = item.querySelector(":scope > .tree__row > .tree__toggle");
            scrollIntoView(toggle);
            toggle.click();
        }
        wait(
                "the branch of '" + name + "' to open",
                () -> Optional.of(item)
                        .filter(open -> "true".equals(open.getAttribute("aria-expanded")))
                        .filter(open -> !open.querySelectorAll(":scope > ul > li[role=treeitem]")
                                .isEmpty()));
    }

    public String text() {
        return page.innerText("body");
    }

    public String mainText() {
        return page.innerText("main");
    }

    /**
     * Looks again and again (between Playwright's own event handling) until {@code probe} finds something. A page being
     * replaced (after a click, a submit or upload.js's reload) makes elements unusable: that is a reason to look
     * again, not a failure.
     */
    public <T> T wait(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        PlaywrightException last = null;
        while (true) {
            try {
                Optional<T> found = probe.get();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (PlaywrightException replaced) {
                last = replaced;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + " on " + path(), last);
            }
            page.waitForTimeout(100);
        }
    }

    public void waitForText(String text) {
        wait("the text '" + text + "'", () -> Optional.of(text).filter(t -> text().contains(t)));
    }

    public void waitForPath(String prefix) {
        wait("a page under " + prefix, () -> Optional.of(prefix).filter(p -> path().startsWith(p)));
    }

    /**
     * Runs {@code source} as the body of a function (so {@code return} gives the result) with {@code arguments}
     * (values or elements) as the array {@code arguments}. Like the keyboard, it first lets a page that is loading
     * finish (its style sheets and scripts), as ChromeDriver did before each command: Playwright does not, and a Tab
     * pressed on a half-loaded page meets the browser's default focus ring instead of the portal's.
     */
    public Object script(String source, Object... arguments) {
        page.waitForLoadState();
        return page.evaluate("(arguments) => {\n" + source + "\n}", Arrays.asList(arguments));
    }

    public void scrollIntoView(ElementHandle element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Presses Tab until {@code wanted} has the focus, checking on the way that each focused element shows it. */
    public void tabTo(String description, String selectorTest, int atMost) {
        for (int i = 0; i < atMost; i++) {
            press("Tab");
            assertFocusVisible();
            Boolean reached = (Boolean) script("return document.activeElement.matches(arguments[0])", selectorTest);
            if (Boolean.TRUE.equals(reached)) {
                return;
            }
        }
        throw new AssertionError("Tab did not reach " + description + " within " + atMost + " presses on " + path());
    }

    /**
     * Presses Tab {@code stops} times (or until the focus leaves the page), checking each focus ring: one key press and
     * one look a stop, on a page already loaded.
     */
    public void tabThrough(int stops) {
        page.waitForLoadState();
        for (int i = 0; i < stops; i++) {
            page.keyboard().press("Tab");
            String problem = (String) page.evaluate("() => {\n"
                    + "if (document.activeElement === document.body) { return 'left'; }\n" + FOCUS_RING + "\n}");
            if ("left".equals(problem)) {
                return;
            }
            if (problem != null) {
                throw new AssertionError("The keyboard focus on " + problem + " is not visible on " + path());
            }
        }
    }

    /** Presses a key, by Playwright's name for it ("Tab", "Enter", "ArrowDown", " " for the space bar...). */
    public void press(String key) {
        page.waitForLoadState();
        page.keyboard().press(key);
    }

    /** Types text into whatever has the focus, key by key. */
    public void type(String text) {
        page.waitForLoadState();
        page.keyboard().type(text);
    }

    /** The element that has the keyboard focus shows a focus ring: an outline at least 2 px wide, not transparent. */
    public void assertFocusVisible() {
        String problem = (String) script(FOCUS_RING);
        if (problem != null) {
            throw new AssertionError("The keyboard focus on " + problem + " is not visible on " + path());
        }
    }

    /** The focused element's description when it shows no focus ring, otherwise null. */
    private static final String FOCUS_RING = """
            const element = document.activeElement;
            if (!element || element === document.body) { return null; }
            const style = getComputedStyle(element);
            const colour = style.outlineColor.match(/rgba?\\(([^)]*)\\)/);
            const opaque = !colour || colour[1].split(',').length < 4 || parseFloat(colour[1].split(',')[3]) > 0;
            const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && opaque;
            return ring ? null
                : element.tagName + ' "' + (element.innerText || element.name || '').trim().slice(0, 40) + '"';
            """;

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
        return (List<String>) page.evaluate("""
                async () => {
                    try {
                        const result = await axe.run(document, { resultTypes: ['violations'] });
                        return result.violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                                + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '));
                    }
                    catch (error) {
                        return ['axe failed: ' + error];
                    }
                }
                """);
    }

    /** Saves the whole page (not only what fits the viewport) as the next screenshot of this journey. */
    public Path screenshot(String step) {
        JsonObject content = devTools.send("Page.getLayoutMetrics").getAsJsonObject("cssContentSize");
        double width = Math.max(viewport.width(), content.get("width").getAsDouble());
        double height = Math.max(viewport.height(), content.get("height").getAsDouble());
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.addProperty("width", width);
        clip.addProperty("height", Math.min(height, 12000));
        clip.addProperty("scale", 1);
        JsonObject parameters = new JsonObject();
        parameters.addProperty("format", "png");
        parameters.addProperty("captureBeyondViewport", true);
        parameters.add("clip", clip);
        JsonObject shot = devTools.send("Page.captureScreenshot", parameters);
        Path file = SCREENSHOTS.resolve("%s-%s-%02d-%s.png".formatted(journey, viewport.label(), ++shots, step));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode(shot.get("data").getAsString()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    /**
     * Clicks the link or button with that text, which starts a download, and keeps the file once it has arrived whole.
     * The system's Chromium names the file from the response's Content-Disposition, which is checked; the registry's
     * headless build names every download "download" (ADR 0028), so there only the content is left to check.
     */
    public Path download(String text, String filename) {
        Download download = page.waitForDownload(() -> click(text));
        if (!registry && !download.suggestedFilename().equals(filename)) {
            throw new AssertionError(
                    "The download is named '" + download.suggestedFilename() + "', not '" + filename + "'");
        }
        Path file = downloads.resolve(filename);
        download.saveAs(file);
        return file;
    }

    /** Slows the network down (bytes per second each way), so that progress can be seen. */
    public void throttle(int bytesPerSecond) {
        devTools.send("Network.enable");
        devTools.send("Network.emulateNetworkConditions", conditions(20, bytesPerSecond));
    }

    public void unthrottle() {
        devTools.send("Network.emulateNetworkConditions", conditions(0, -1));
    }

    private static JsonObject conditions(int latency, int bytesPerSecond) {
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", latency);
        conditions.addProperty("downloadThroughput", bytesPerSecond);
        conditions.addProperty("uploadThroughput", bytesPerSecond);
        return conditions;
    }

    public void logIn(String username, String password) {
        open("/dang-nhap");
        fill("Tên đăng nhập", username);
        fill("Mật khẩu", password);
        follow(find("main form button[type=submit]"));
        wait("the login to finish", () -> Optional.of(path()).filter(p -> !p.startsWith("/dang-nhap")));
    }

    @Override
    public void close() {
        try {
            // The journey's pages and downloads go; the JVM's Chromium stays for the next journey.
            context.close();
        } finally {
            FileSystemUtils.deleteRecursively(downloads.toFile());
        }
    }

    /** The SHA-256 of a file's bytes in hexadecimal, as attachments record it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
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
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
