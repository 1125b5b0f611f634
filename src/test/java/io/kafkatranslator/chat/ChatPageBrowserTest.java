package io.kafkatranslator.chat;

import io.kafkatranslator.app.EmbeddedProcessor;
import io.kafkatranslator.app.ResultsReader;
import io.kafkatranslator.config.ChatConfig;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.schema.TranslationResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat page as a person uses it, in Debian's chromium (headless) on a real broker and processor:
 * a French and an English message translated both ways, a hovered word lighting its aligned word, a
 * heatmap with a row per target word, a blank message shown as a dead letter with its reason, a
 * script-injection attempt shown as the characters typed, a translation corrected (the memory answers
 * the message from then on) and a word kept as written, and a message edited (translated again in
 * its place) and deleted. Saves screenshots to target/screenshots/.
 */
class ChatPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INJECTION = "<img src=x onerror=alert(1)>";

    @Test
    void twoPeopleChatAcrossLanguagesAndSeeTheAlignment() throws Exception {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browser) {
            System.out.println("SKIPPED ChatPageBrowserTest: chromium or its driver is not installed"
                    + " (apt-get install chromium chromium-driver)");
            // CI installs them (.ci/run): there, a missing browser is a failure, not a reason to skip.
            assertTrue(System.getenv("CI") == null, "CI must run the browser test: chromium and chromium-driver are missing");
        }
        Assumptions.assumeTrue(browser, "chromium is not installed");
        try (EmbeddedProcessor embedded = EmbeddedProcessor.start(ConfigSource.of(Map.of()), "chat-browser-test");
             ChatPage page = ChatPage.start(new ChatConfig("127.0.0.1", 0), embedded.config(),
                     LanguageRouter.languages(embedded.pairs()), true)) {
            WebDriver driver = chromium();
            try {
                driver.get(page.url().toString());
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
                wait.until(d -> d.findElement(By.id("status")).getText().equals("live"));

                WebElement alice = send(driver, "alice", "Je suis étudiant.");
                WebElement bob = send(driver, "bob", "I am a student.");
                WebElement blank = send(driver, "bob", "   ");
                WebElement injection = send(driver, "alice", INJECTION);
                for (WebElement message : List.of(alice, bob, injection)) {
                    wait.until(d -> !message.findElements(By.className("alignment")).isEmpty());
                }
                wait.until(d -> blank.getAttribute("class").contains("dead-letter")
                        && !blank.findElements(By.cssSelector(".badge.reason")).isEmpty());

                // The page shows exactly what the processor emitted, in both directions.
                Map<String, String> emitted = ResultsReader.readAll(embedded.bootstrapServers(),
                        embedded.config().outputTopic(), 3).stream()
                        .collect(Collectors.toMap(TranslationResult::getRequestId, TranslationResult::getTranslation));
                assertEquals(emitted.get(alice.getAttribute("data-request-id")), translation(alice));
                assertEquals(emitted.get(bob.getAttribute("data-request-id")), translation(bob));
                assertTrue(translation(alice).toLowerCase().contains("student"), translation(alice));
                assertTrue(translation(bob).contains("étudiant"), translation(bob));
                assertEquals("Je suis étudiant.", alice.findElement(By.className("original")).getText());
                assertEquals("EMPTY_TEXT", blank.findElement(By.cssSelector(".badge.reason")).getText());

                // Hovering "student" lights the French word it was translated from.
                WebElement student = alice.findElements(By.cssSelector(".translation .word")).stream()
                        .filter(w -> w.getText().toLowerCase().startsWith("student")).findFirst().orElseThrow();
                new Actions(driver).moveToElement(student).perform();
                wait.until(d -> !alice.findElements(By.cssSelector(".original .word.aligned")).isEmpty());
                assertEquals("étudiant.", alice.findElement(By.cssSelector(".original .word.aligned")).getText());
                screenshot(driver, "chat.png");

                // The script arrives as the characters typed; nothing ran and no element was made of it.
                assertEquals(INJECTION, injection.findElement(By.className("original")).getText());
                assertTrue(driver.findElements(By.cssSelector("#messages img")).isEmpty());
                assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

                // bob corrects the translation of alice's message: the memory answers it from now on, however it is written.
                alice.findElement(By.cssSelector("button.correct")).click();
                WebElement better = alice.findElement(By.cssSelector("form.correction input"));
                assertEquals(translation(alice), better.getAttribute("value"), "the translation to correct is in the box");
                better.clear();
                better.sendKeys("I am a student!", Keys.ENTER);
                wait.until(d -> alice.findElement(By.cssSelector(".note.correction")).getText().startsWith("saved"));
                WebElement remembered = sendUntil(driver, "alice", "je suis étudiant", m -> badges(m).contains("from memory"));
                assertEquals("I am a student!", translation(remembered));

                // A French word kept as written: the next message with it keeps it.
                alice.findElement(By.cssSelector("button.keep")).click();
                alice.findElement(By.cssSelector("form.keep input")).sendKeys("étudiant", Keys.ENTER);
                wait.until(d -> alice.findElement(By.cssSelector(".note.keep")).getText().startsWith("saved"));
                WebElement kept = sendUntil(driver, "alice", "Il est étudiant.", m -> translation(m).contains("étudiant"));
                assertTrue(translation(kept).contains("étudiant"), translation(kept));
                screenshot(driver, "chat-policy.png");

                // alice edits her message: translated again in its place, marked as edited; then she deletes it.
                String first = translation(alice);
                alice.findElement(By.cssSelector("button.edit")).click();
                WebElement aliceInput = driver.findElement(By.cssSelector(".composer[data-writer='alice'] input[name='text']"));
                assertEquals("Je suis étudiant.", aliceInput.getAttribute("value"), "the text to edit is in alice's box");
                aliceInput.clear();
                aliceInput.sendKeys("Je suis fatigué.", Keys.ENTER);
                // The bubble's children are replaced as the result arrives: an element read then may go stale.
                wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                        .until(d -> alice.findElement(By.className("meta")).getText().contains("edited"));
                assertTrue(translation(alice).toLowerCase().contains("tired"), first + " became " + translation(alice));
                assertEquals("Je suis fatigué.", alice.findElement(By.className("original")).getText());
                alice.findElement(By.cssSelector("button.delete")).click();
                wait.until(d -> alice.getAttribute("class").contains("deleted"));
                assertEquals("message deleted", translation(alice));
                assertTrue(driver.findElements(By.cssSelector("#heatmap[open]")).isEmpty(), "the buttons do not open the heatmap");

                // A click opens the heatmap: one row per target word.
                int targetWords = bob.findElements(By.cssSelector(".translation .word")).size();
                bob.click();
                WebElement dialog = driver.findElement(By.id("heatmap"));
                wait.until(d -> dialog.isDisplayed());
                assertEquals(targetWords, dialog.findElements(By.cssSelector("svg.heatmap g.row")).size());
                assertEquals(bob.findElements(By.cssSelector(".original .word")).size(),
                        dialog.findElements(By.cssSelector("svg.heatmap text.source-word")).size());
                screenshot(driver, "chat-heatmap.png");
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container: no sandbox; a small /dev/shm: use /tmp.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Types into the writer's box and presses Enter; the message's bubble, once the page has its request id. */
    private static WebElement send(WebDriver driver, String writer, String text) {
        int before = driver.findElements(By.cssSelector("#messages .message")).size();
        WebElement input = driver.findElement(By.cssSelector(".composer[data-writer='" + writer + "'] input[name='text']"));
        input.sendKeys(text, Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#messages .message")).size() > before);
        String id = wait.until(d -> {
            List<WebElement> messages = d.findElements(By.cssSelector("#messages .message"));
            return messages.get(messages.size() - 1).getAttribute("data-request-id");
        });
        assertTrue(id.startsWith(writer + "-"), id);
        return driver.findElement(By.cssSelector("#messages .message[data-request-id='" + id + "']"));
    }

    /**
     * Sends the message until its result shows what is expected (the processors' global stores take a moment to read a
     * new entry), at most ten times; the last message's bubble.
     */
    private static WebElement sendUntil(WebDriver driver, String writer, String text, java.util.function.Predicate<WebElement> done) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        WebElement message = null;
        for (int sent = 0; sent < 10 && (message == null || !done.test(message)); sent++) {
            message = send(driver, writer, text);
            WebElement m = message;
            wait.until(d -> !m.findElements(By.className("alignment")).isEmpty());
        }
        return message;
    }

    private static List<String> badges(WebElement message) {
        return message.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
    }

    private static String translation(WebElement message) {
        return message.findElement(By.className("translation")).getText();
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
    }
}
