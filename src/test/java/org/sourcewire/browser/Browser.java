package org.sourcewire.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}) driven the way a person uses the site:
 * fields are found by their visible labels, buttons and links by their text.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String baseUrl;
    private final List<String> problems = new java.util.ArrayList<>();

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts Chromium, or skips the test with install instructions when it is missing. Under CI ({@code CI=true}) a
     * missing browser fails instead, so CI can never pass without running the browser tests.
     */
    public static Browser open(int port) {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        String missing = "Browser tests need Chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "). Install them with: sudo apt-get install chromium chromium-driver";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(installed, missing);
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US",
                    "--user-data-dir=" + Files.createTempDirectory("sourcewire-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
            return new Browser(driver, "http://localhost:" + port);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public Browser visit(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Types into the input whose label reads {@code label}. */
    public Browser fillIn(String label, String value) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Chooses a file for the file input whose label reads {@code label}. */
    public Browser attach(String label, Path file) {
        field(label).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Picks a radio button or checkbox by (the start of) its label. */
    public Browser choose(String label) {
        click(labelFor(label));
        return this;
    }

    /** Presses a button; unless the button works through htmx, waits for the next page to load. */
    public Browser press(String buttonText) {
        WebElement button = button(buttonText);
        clickAndWait(button, !usesHtmx(button));
        return this;
    }

    /** Presses a button that asks "are you sure?" first, and says yes. */
    public Browser pressAndConfirm(String buttonText) {
        WebElement button = button(buttonText);
        boolean newPage = !usesHtmx(button);
        WebElement page = driver.findElement(By.tagName("html"));
        click(button);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        if (newPage) {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ignored -> isGone(page));
        }
        return this;
    }

    /**
     * Presses a button and reports, before the answer arrives, whether it shows that it is busy (disabled, with a
     * spinner). Only for htmx buttons, whose request starts while the click is handled.
     */
    public boolean showsBusyWhenPressed(String buttonText) {
        return (Boolean) ((ChromeDriver) driver).executeScript(
                "var b = arguments[0]; b.click(); return b.disabled && b.classList.contains('is-busy');", button(buttonText));
    }

    /** A button by its text or its accessible name (aria-label). */
    private WebElement button(String text) {
        return driver.findElement(By.xpath("//button[normalize-space(.)=" + literal(text) + " or @aria-label=" + literal(text) + "]"));
    }

    private boolean usesHtmx(WebElement element) {
        return (Boolean) ((ChromeDriver) driver).executeScript(
                "return !!arguments[0].closest('[hx-post],[hx-get],[hx-put],[hx-delete]')", element);
    }

    /** Follows a link by its text or its accessible name (aria-label). */
    public Browser clickLink(String text) {
        clickAndWait(driver.findElement(By.xpath("//a[normalize-space(.)=" + literal(text) + " or @aria-label=" + literal(text) + "]")), true);
        return this;
    }

    /** Opens a pitch of the inbox in its reading pane (on a phone: its page) by clicking its row, and waits for it. */
    public Browser openRow(String sourceName) {
        WebElement link = driver.findElement(By.xpath("//a[@data-row-link and contains(@aria-label, "
                + literal("pitch from " + sourceName + ",") + ")]"));
        link.click();
        waitUntil("var p = document.querySelector('#pane [data-pane]'); return !!p && p.getAttribute('aria-label') === "
                + "'Pitch from " + sourceName.replace("\\", "\\\\").replace("'", "\\'") + "'"
                + " && !document.querySelector('.htmx-request, .htmx-settling');", 5);
        return this;
    }

    /** Makes the browser live in this time zone, as if its computer were set to it. */
    public Browser timeZone(String zone) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zone));
        return this;
    }

    /** The page's HTML exactly as the server sent it (what "view source" shows), fetched again with this session. */
    public String rawSource() {
        return (String) ((ChromeDriver) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(location.href, {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));");
    }

    private void clickAndWait(WebElement element, boolean newPage) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(element);
        if (newPage) {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ignored -> isGone(page));
        }
    }

    /**
     * Whether the element's document has been replaced. Chromium usually says so with a stale-element error, but now
     * and then (a fresh-clone CI run) with an inspector error "Node with given id does not belong to the document".
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        }
        catch (org.openqa.selenium.StaleElementReferenceException ex) {
            return true;
        }
        catch (org.openqa.selenium.WebDriverException ex) {
            if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw ex;
        }
    }

    private void click(WebElement element) {
        // Bootstrap turns on smooth scrolling; an animated scroll would move the button away under the click.
        ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Chooses an option by its visible text in the select with this label. */
    public Browser select(String label, String option) {
        new org.openqa.selenium.support.ui.Select(field(label)).selectByVisibleText(option);
        return this;
    }

    /** Sets a date-time input (Chromium's datetime-local ignores typed text in headless mode). */
    public Browser setValue(String label, String value) {
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1]", field(label), value);
        return this;
    }

    public WebElement field(String label) {
        String id = labelFor(label).getAttribute("for");
        if (id == null || id.isBlank()) {
            throw new AssertionError("The label '" + label + "' is not tied to a field (no for=...)");
        }
        return driver.findElement(By.id(id));
    }

    /** The message shown under the field with this label, or "" if there is none. */
    public String messageFor(String label) {
        WebElement input = field(label);
        String describedBy = input.getAttribute("aria-describedby");
        return describedBy == null ? "" : driver.findElement(By.id(describedBy)).getText();
    }

    /** The current page's path, without its query string. */
    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public List<String> links(String partialHref) {
        return driver.findElements(By.cssSelector("a[href*='" + partialHref + "']")).stream()
                .map(link -> link.getAttribute("href")).toList();
    }

    /** How many pixels the page is wider than the window (0 when nothing scrolls sideways). */
    public long horizontalOverflow() {
        return (Long) ((ChromeDriver) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Saves a PNG under target/screenshots for people to review, and checks the page with axe-core: every page a
     * journey photographs is also checked for accessibility.
     */
    public Path screenshot(String name) {
        checkAccessibility(name);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Serious and critical axe-core violations on the current page, remembered for {@link #accessibilityProblems()}. */
    public void checkAccessibility(String page) {
        // Beyond axe-core's serious rules: one h1 per page, and the landmarks every page of the layout has.
        Object structure = ((ChromeDriver) driver).executeScript("""
                return [document.querySelectorAll('h1').length, document.querySelectorAll('main').length,
                        document.querySelectorAll('header, [role=banner]').length, document.querySelectorAll('nav').length,
                        document.querySelectorAll('footer, [role=contentinfo]').length].join(',')""");
        String[] counts = String.valueOf(structure).split(",");
        if (!counts[0].equals("1") || !counts[1].equals("1") || !counts[2].equals("1") || counts[3].equals("0")
                || counts[4].equals("0")) {
            problems.add(page + ": expected one h1, one main, a header, a nav and a footer; found h1,main,header,nav,footer = "
                    + structure);
        }
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .forEach(rule -> problems.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp()
                        + " at " + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList()));
    }

    public List<String> accessibilityProblems() {
        return List.copyOf(problems);
    }

    /** Presses keys where the keyboard is (the focused element), as a person would. */
    public Browser keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Runs a script in the page and returns its result (for reading state a person sees, such as the open pitch). */
    public Object script(String script, Object... arguments) {
        return ((ChromeDriver) driver).executeScript(script, arguments);
    }

    /** Waits up to {@code seconds} for the script to return true. */
    public void waitUntil(String script, int seconds) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(seconds)).pollingEvery(Duration.ofMillis(20))
                    .until(d -> Boolean.TRUE.equals(script(script)));
        }
        catch (org.openqa.selenium.TimeoutException ex) {
            throw new AssertionError("Waited " + seconds + " s for " + script + "; the page says: " + text(), ex);
        }
    }

    public void waitUntilText(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> text().contains(text));
        }
        catch (org.openqa.selenium.TimeoutException ex) {
            throw new AssertionError("Waited 5 s for \"" + text + "\"; the page says: " + text(), ex);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private WebElement labelFor(String label) {
        // The first label that reads exactly this or, when none does, the first that starts with it. One look-up, so the
        // implicit wait only runs when no label fits at all: looking for an exact label first cost the whole implicit
        // wait (3 s) for every label matched by its start, such as each log-in's "E-mail".
        String exact = "//label[normalize-space(.)=" + literal(label) + "]";
        return driver.findElement(By.xpath(exact + " | //label[starts-with(normalize-space(.), " + literal(label)
                + ") and not(" + exact + ")]"));
    }

    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
