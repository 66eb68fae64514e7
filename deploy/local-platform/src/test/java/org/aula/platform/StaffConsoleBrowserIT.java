package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff console in a real browser (Debian's chromium, headless, driven by chromium-driver)
 * against the whole local platform: real services, Kafka, PostgreSQL and the local OpenID provider,
 * where people sign in with the provider's one-click demo users.
 *
 * <p>The seed story's bulk (scheduling, 28 nominations to the May cohort, completions, certificates)
 * is replayed through the APIs by the platform's own demo; the key steps are then taken in the
 * browser as a coordinator, a facilitator and the Police focal point would take them: the board,
 * a nomination and an institution's CSV list, a withdrawal and its promotion, a certificate's PDF
 * and revocation, a session delivered with attendance (through a dropped connection) and the sign-in
 * sheet, and the partner's view with each forbidden action submitted directly and refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** Copies for people reading the run, when that folder exists on the machine (never required). */
    private static final Path SCREENSHOT_COPIES = Path.of(System.getProperty("aula.console.screenshots", "target/console-screenshots"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private AulaLocalPlatform platform;
    private DemoReport story;
    private ChromeDriver browser;
    private String console;
    private String coordinatorToken;

    private String mayId;
    private String juneAId;
    private String juneBId;
    private String smallId;

    @BeforeAll
    void startThePlatformReplayTheStoryAndOpenABrowser() throws IOException {
        platform = AulaLocalPlatform.start(PlatformOptions.freePorts(dataDir));
        console = platform.consoleUrl().toString();
        story = SeedStoryDemo.against(platform, System.out).run();
        assertThat(story.problems()).isEmpty();
        mayId = story.cohortIds().get(0);
        juneAId = story.cohortIds().get(1);
        juneBId = story.cohortIds().get(2);
        coordinatorToken = platform.token("coordinator", null, Duration.ofHours(1));
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,1000",
                "--lang=en-GB");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    void closeEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(0)
    void thePlatformPrintsTheConsolesUrl() {
        assertThat(platform.describe(Duration.ZERO)).containsPattern("staff console +" + console.replace(".", "\\.") + " ");
    }

    @Test
    @Order(1)
    void afterTheStoryTheBoardShowsTheMayCohortFullWithThreeWaitingAndBothJuneReplicasOpen() {
        signInAs("coordinator");
        open("/cohorts");

        assertThat(boardCell("BMM-2019-05", "seats")).isEqualTo("25/25");
        assertThat(boardCell("BMM-2019-05", "waitlist")).isEqualTo("3");
        assertThat(boardRow("BMM-2019-05").getText()).contains("Full", "Belmopan", "Best Practices in Migration Management");
        assertThat(boardRow("BMM-2019-06A").getText()).contains("Open");
        assertThat(boardRow("BMM-2019-06B").getText()).contains("Open");
        assertThat(boardCell("BMM-2019-06A", "seats")).isEqualTo("0/25");
        screenshot("board");
    }

    @Test
    @Order(2)
    void aCoordinatorNominatesAnOfficialAndAnInstitutionsListWhoseFaultyLinesAreNamed() throws IOException {
        signInAs("coordinator");
        open("/cohorts/" + juneAId);
        fill("n-inst", "POLICE");
        fill("n-name", "Orlando Tun");
        fill("n-email", "orlando.tun@example.org");
        fill("n-pos", "Corporal");
        browser.findElement(By.cssSelector("#nominate-one button[type=submit]")).click();
        assertThat(notice()).contains("Orlando Tun has seat 1.");

        Path faulty = Files.writeString(dataDir.resolve("immigration-faulty.csv"),
                "name,email,position\nYesenia Pop,yesenia.pop@example.org,Officer\nWendell Lino,wendell.lino-at-example.org,Officer\n");
        uploadList("IMMIGRATION", faulty);
        assertThat(shown(By.id("csv-errors")).getText())
                .contains("line 3, email: \"wendell.lino-at-example.org\" is not an e-mail address");
        assertThat(json(get(enrollment("/cohorts/" + juneAId), coordinatorToken)).path("seatsTaken").asInt()).as("nobody of a faulty list").isEqualTo(1);

        Path fixed = Files.writeString(dataDir.resolve("immigration.csv"),
                "name,email,position\nYesenia Pop,yesenia.pop@example.org,Officer\nWendell Lino,wendell.lino@example.org,Officer\n");
        uploadList("IMMIGRATION", fixed);
        assertThat(notice()).contains("2 officials of IMMIGRATION nominated: 2 seated, 0 waiting.");
        assertThat(browser.findElement(By.id("seats")).getText()).contains("3/25");
    }

    @Test
    @Order(3)
    void aWithdrawalShowsWhoMovesUpFromTheWaitlist() {
        // a small cohort of the same course (two seats), filled and with one waiting, scheduled through the API
        smallId = json(post(enrollment("/cohorts"), Map.of("code", "BMM-2019-07S", "courseCode", "BMM", "courseTitle", "Best Practices in Migration Management",
                "courseHours", 40, "startDate", "2019-07-08",
                "endDate", "2019-07-12", "location", "Belize City", "capacity", 2, "facilitator", "Graciela Incer"))).path("id").asString();
        for (String name : List.of("Ana Coc", "Ben Sho", "Cleo Bol")) {
            post(enrollment("/cohorts/" + smallId + "/enrolments"), Map.of("name", name,
                    "email", name.toLowerCase().replace(' ', '.') + "@example.org", "institutionCode", "MHD"));
        }
        signInAs("coordinator");
        open("/cohorts/" + smallId);
        browser.findElement(By.cssSelector("button[aria-label='Withdraw Ana Coc']")).click();

        assertThat(notice()).contains("Ana Coc was withdrawn. Cleo Bol moved up from the waitlist to seat 1.");
        assertThat(browser.findElement(By.id("seats")).getText()).contains("2/2 seats taken, 0 waiting");
    }

    @Test
    @Order(4)
    void aCoordinatorDownloadsACertificateAndRevokesAnotherWithAReason() throws Exception {
        signInAs("coordinator");
        open("/cohorts/" + mayId);
        assertThat(browser.findElement(By.id("figures-total")).getText())
                .contains("25 decided: 23 completed, 2 not completed (92% completed); 23 certificates issued.");
        assertThat(browser.findElements(By.cssSelector("svg.chart g"))).hasSize(4);
        screenshotOfElement("cohort-figures", By.id("figures-h"));
        WebElement pascascio = browser.findElement(By.xpath("//table[@id='certificates']//tr[th[text()='Constant Pascascio']]"));
        String href = pascascio.findElement(By.linkText("Download PDF")).getAttribute("href");
        byte[] pdf = withBrowserSession(URI.create(href));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Path pdfFile = SCREENSHOTS.resolve("certificate-pascascio.pdf");
        Files.write(pdfFile, pdf);
        renderCertificate(pdfFile);
        screenshotOfElement("cohort-certificates", By.id("certificates-h"));

        WebElement bowen = browser.findElement(By.xpath("//table[@id='certificates']//tr[th[text()='Leroy Bowen']]"));
        String number = bowen.findElement(By.xpath("td[1]")).getText();
        bowen.findElement(By.name("reason")).sendKeys("Issued in error (test)");
        bowen.findElement(By.cssSelector("button.danger")).click();
        assertThat(notice()).contains("Certificate " + number + " was revoked.");
        assertThat(json(get(URI.create(platform.baseUrl(PlatformService.CERTIFICATION) + "/certificates/" + number + "/verification"), null))
                .path("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    @Order(5)
    void aFacilitatorMarksASessionDeliveredAndTakesAttendanceThroughADroppedConnection() throws IOException {
        // the June replica's roster (the three nominated in the browser) is locked by the coordinator through the API
        HttpResponse<String> lock = send(HttpRequest.newBuilder(session("/cohorts/" + juneAId + "/roster/lock"))
                .POST(HttpRequest.BodyPublishers.noBody()), coordinatorToken);
        assertThat(lock.statusCode()).isEqualTo(200);

        signInAs("facilitator");
        browser.manage().window().setSize(new Dimension(1024, 768));
        open("/facilitator?date=2019-06-10");
        screenshot("facilitator-day");
        browser.findElement(By.partialLinkText("BMM-2019-06A")).click();
        screenshot("session-before-delivery");
        browser.findElement(By.id("mark-delivered")).click();
        assertThat(notice()).contains("The session is marked delivered.");

        List<WebElement> presents = browser.findElements(By.cssSelector("button.present"));
        assertThat(presents).hasSize(3);
        presents.get(0).click();
        await().atMost(PATIENCE).until(() -> lineState(0).startsWith("Saved:"));

        browser.setNetworkConditions(offline());
        WebElement hours = browser.findElements(By.cssSelector(".partial input[name=hours]")).get(1);
        hours.clear();
        hours.sendKeys("2.5");
        browser.findElements(By.cssSelector(".partial button")).get(1).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("connection")).getText().startsWith("No connection: 1 line(s)"));
        assertThat(lineState(1)).startsWith("Kept on this tablet (2.5 h)");
        screenshot("attendance-offline");

        browser.deleteNetworkConditions();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("connection")).getText().equals("Every line is saved."));
        assertThat(lineState(1)).isEqualTo("Saved: 2.5 h");
        screenshot("attendance");

        String sessionId = browser.getCurrentUrl().replaceAll(".*/sessions/([^/#?]+).*", "$1");
        JsonNode attendance = json(get(session("/cohorts/" + juneAId + "/sessions/" + sessionId + "/attendance"), coordinatorToken));
        assertThat(attendance).hasSize(2);

        // the paper sheet comes back as the CSV upload: everyone's hours at once
        open("/facilitator/cohorts/" + juneAId + "/sessions/" + sessionId + "/sheet");
        assertThat(browser.findElement(By.id("sheet")).getText()).contains("Orlando Tun", "Yesenia Pop", "Wendell Lino");
        screenshot("sign-in-sheet");
        String csv = new String(withBrowserSession(URI.create(console + "/facilitator/cohorts/" + juneAId + "/sessions/" + sessionId
                + "/sheet.csv")), StandardCharsets.UTF_8);
        StringBuilder filled = new StringBuilder();
        for (String line : csv.split("\r\n")) {
            filled.append(line).append(line.startsWith("participantId") ? "" : "3").append("\r\n");
        }
        Path sheet = Files.writeString(dataDir.resolve("sheet.csv"), filled);
        open("/facilitator/cohorts/" + juneAId + "/sessions/" + sessionId);
        browser.findElement(By.id("sheet-file")).sendKeys(sheet.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#sheet-upload button")).click();
        assertThat(notice()).contains("The sheet was recorded: 3 lines, 3 changed, 0 unchanged.");
        browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    @Test
    @Order(6)
    void thePoliceFocalPointSeesOnlyItsOwnOfficialsAndEveryForbiddenActionIsRefusedByTheServer() throws IOException {
        signInAs("partner-police");
        open("/partner");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Officials of POLICE", "Constant Pascascio", "Orlando Tun", "BMM-2019-05", "BMM-2019-06A");
        List<String> others = new ArrayList<>();
        SeedStory.nominees().stream().filter(n -> !n.institutionCode().equals("POLICE")).forEach(n -> others.add(n.name()));
        others.addAll(List.of("Yesenia Pop", "Wendell Lino", "Cleo Bol", "Ben Sho"));
        assertThat(others).hasSize(25).allSatisfy(name -> assertThat(page).doesNotContain(name));
        screenshot("partner-police");

        open("/partner?institution=IMMIGRATION");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Marisol Chan");

        open("/cohorts");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        open("/cohorts/" + mayId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");

        JsonNode seated = json(get(enrollment("/cohorts/" + mayId + "/roster?size=1"), coordinatorToken)).get(0);
        String enrolmentId = seated.path("enrolmentId").asString();
        String certificate = json(get(certification("/certificates?cohortId=" + mayId), coordinatorToken)).get(0).path("number").asString();
        Map<String, Map<String, String>> forbidden = Map.of(
                "/cohorts/" + mayId + "/enrolments/" + enrolmentId + "/withdrawal", Map.of(),
                "/cohorts/" + juneBId + "/nominations", Map.of("institutionCode", "POLICE", "name", "Sneaky Entry",
                        "email", "sneaky.entry@example.org"),
                "/certificates/" + certificate + "/revocation", Map.of("reason", "not mine to revoke", "cohortId", mayId),
                "/facilitator/cohorts/" + juneAId + "/sessions/any/delivery", Map.of());
        for (Map.Entry<String, Map<String, String>> action : forbidden.entrySet()) {
            postFromThePage(action.getKey(), action.getValue());
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(action.getKey()).isEqualTo("Not allowed");
        }
        assertThat(json(get(enrollment("/cohorts/" + mayId + "/enrolments/" + enrolmentId), coordinatorToken)).path("status").asString())
                .isEqualTo("ENROLLED");
        assertThat(json(get(enrollment("/cohorts?code=BMM-2019-06B"), coordinatorToken)).get(0).path("seatsTaken").asInt()).isZero();
        assertThat(json(get(URI.create(platform.baseUrl(PlatformService.CERTIFICATION) + "/certificates/" + certificate + "/verification"),
                null)).path("status").asString()).isEqualTo("VALID");
        assertThat(statusWithBrowserSession(URI.create(console + "/certificates/" + certificate + "/pdf"))).isEqualTo(403);
    }

    @Test
    @Order(7)
    void theConsoleSpeaksSpanishOnTheSwitch() {
        signInAs("coordinator");
        open("/cohorts?lang=es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tablero de cohortes");
        assertThat(boardRow("BMM-2019-05").getText()).contains("Completa");
        open("/cohorts?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cohort board");
    }

    // --- the browser ---

    /** Signs out of the console and the provider (both cookies live on localhost), then clicks the demo user. */
    private void signInAs(String username) {
        browser.manage().deleteAllCookies();
        browser.get(console + "/");
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("sign-in-" + username)).isEmpty());
        browser.findElement(By.id("sign-in-" + username)).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().startsWith(console));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Aula staff console");
    }

    private void open(String path) {
        browser.get(console + path);
    }

    private WebElement boardRow(String code) {
        return browser.findElement(By.cssSelector("tr[data-cohort='" + code + "']"));
    }

    private String boardCell(String code, String field) {
        return boardRow(code).findElement(By.cssSelector("td[data-field='" + field + "']")).getText();
    }

    private void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void uploadList(String institution, Path file) {
        fill("l-inst", institution);
        browser.findElement(By.id("l-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#nominate-list button[type=submit]")).click();
    }

    /** The page's notice of what was done; a page without one (a refusal, an error) is shown in the failure. */
    private String notice() {
        return shown(By.cssSelector(".notice")).getText();
    }

    /**
     * The element once the page after a submit shows it (the answer may take a while on a loaded machine: a lookup
     * right after the click failed once in a full build); a page without it is shown in the failure.
     */
    private WebElement shown(By element) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(element).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no " + element + " on " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        return browser.findElement(element);
    }

    private String lineState(int index) {
        return browser.findElements(By.cssSelector(".attendance .state")).get(index).getText();
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }

    /** Posts a form the page does not offer, with the page's CSRF token: what a person editing the HTML could send. */
    private void postFromThePage(String path, Map<String, String> fields) {
        open("/");
        ((JavascriptExecutor) browser).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const fields = Object.assign({_csrf: document.querySelector('meta[name=_csrf]').content}, arguments[1]);
                for (const [name, value] of Object.entries(fields)) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();
                """, path, fields);
        await().atMost(PATIENCE).until(() -> !browser.getCurrentUrl().equals(console + "/"));
    }

    private byte[] withBrowserSession(URI uri) {
        HttpResponse<byte[]> response = sendWithSession(uri);
        assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
        return response.body();
    }

    private int statusWithBrowserSession(URI uri) {
        return sendWithSession(uri).statusCode();
    }

    private HttpResponse<byte[]> sendWithSession(URI uri) {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        try {
            return http.send(HttpRequest.newBuilder(uri).header("Cookie", "JSESSIONID=" + session).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            copy(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshotOfElement(String name, By section) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(section));
        screenshot(name);
    }

    /** The certificate's first page as an image, with poppler's pdftoppm when the machine has it. */
    private void renderCertificate(Path pdf) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            return;
        }
        Process render = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "80", "-singlefile", pdf.toString(),
                SCREENSHOTS.resolve("certificate").toString()).inheritIO().start();
        assertThat(render.waitFor()).isZero();
        copy(SCREENSHOTS.resolve("certificate.png"));
    }

    private static void copy(Path file) throws IOException {
        if (!SCREENSHOT_COPIES.equals(SCREENSHOTS) && Files.isDirectory(SCREENSHOT_COPIES)) {
            Files.copy(file, SCREENSHOT_COPIES.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // --- the APIs, as the coordinator's setup calls them ---

    private URI enrollment(String path) {
        return URI.create(platform.baseUrl(PlatformService.ENROLLMENT) + path);
    }

    private URI session(String path) {
        return URI.create(platform.baseUrl(PlatformService.SESSION) + path);
    }

    private URI certification(String path) {
        return URI.create(platform.baseUrl(PlatformService.CERTIFICATION) + path);
    }

    private String get(URI uri, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), token);
        assertThat(response.statusCode()).as("GET " + uri + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String post(URI uri, Object body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), coordinatorToken);
        assertThat(response.statusCode()).as("POST " + uri + ": " + response.body()).isIn(200, 201);
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

}
