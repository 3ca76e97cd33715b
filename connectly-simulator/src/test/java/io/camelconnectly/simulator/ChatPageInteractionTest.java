package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The two-way chat page in headless Chromium, driven by real clicks and typing through WebDriver: a person writes as
 * a customer, taps a template's quick reply and a list row, starts a new conversation, and with several business
 * numbers picks the number to write to; the test checks the signed webhook posts the application would receive and the
 * page as it updates itself.
 */
class ChatPageInteractionTest {

    private static final String ANA = "+16045550123";
    private static final String RAVI = "+16045550124";
    // one browser and one simulator for the class (each test has its own customers): Chromium starts once
    private static ConnectlySimulator sim;
    private static WebhookReceiver receiver;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Chromium.require(Chromium.BINARY, Chromium.DRIVER);
        sim = ConnectlySimulator.builder().statusDelay(Duration.ofMillis(10)).build().start();
        receiver = new WebhookReceiver();
        Api.Response registered = new Api(sim).post("create/webhooks",
                "{\"topic\":\"messages\",\"address\":\"" + receiver.url("/webhook") + "\"}");
        assertThat(registered.status()).isEqualTo(200);
        browser = Chromium.driver(Chromium.freshProfile());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** Awaitility polling on the test thread: a WebDriver session is not to be shared between threads. */
    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(100))
                .ignoreException(StaleElementReferenceException.class);
    }

    private static WebElement thread(String customer) {
        return browser.findElement(By.cssSelector("section.thread[data-customer='" + customer + "']"));
    }

    /** Clicks as soon as the element is there; the page swaps its message lists every 2 s, so a found element can go stale. */
    private void click(Callable<WebElement> element) {
        eventually().until(() -> {
            element.call().click();
            return true;
        });
    }

    private List<JsonNode> postsFrom(String customer) {
        return receiver.received().stream().peek(this::assertSigned).map(WebhookReceiver.Received::json)
                .filter(e -> customer.equals(e.path("sender").path("id").asText())).collect(Collectors.toList());
    }

    private void assertSigned(WebhookReceiver.Received post) {
        assertThat(post.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(post.signature()).isEqualTo(new WebhookSigner(sim.webhookSecret()).sign(post.body().getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode awaitPost(String customer, int count) {
        eventually().until(() -> postsFrom(customer).size() >= count);
        return postsFrom(customer).get(count - 1);
    }

    private static boolean threadShows(String customer, String text) {
        return thread(customer).findElements(By.cssSelector(".msg .text")).stream().anyMatch(e -> e.getText().equals(text));
    }

    @Test
    void aPersonWritesTapsButtonsAndRowsAndStartsAConversation() {
        Api api = new Api(sim);
        sim.customer(ANA).named("Ana").sendsText("Where is my order?");
        String template = api.post("send/whatsapp_templated_messages", "{\"number\":\"" + ANA + "\",\"templateName\":\"order_shipped\","
                + "\"language\":\"en\",\"parameters\":[{\"name\":\"body_1\",\"value\":\"Ana\"},{\"name\":\"body_2\",\"value\":\"A-1001\"}],"
                + "\"callbackData\":{\"orderId\":\"A-1001\"}}").json().path("id").asText();
        String list = api.post("send/messages", "{\"recipient\":{\"id\":\"" + ANA + "\",\"channelType\":\"whatsapp\"},\"message\":"
                + "{\"listMessage\":{\"header\":{\"text\":\"When should we deliver?\"},\"button\":{\"id\":\"days\",\"text\":\"Pick a day\"},"
                + "\"sections\":[{\"title\":\"This week\",\"rows\":[{\"id\":\"thu\",\"text\":\"Thursday\"},"
                + "{\"id\":\"fri\",\"text\":\"Friday\",\"description\":\"after 2 pm\"}]}]}},\"callbackData\":\"delivery-day\"}")
                .json().path("id").asText();
        // the hand-written "Where is my order?" is Ana's post 1

        browser.get(sim.baseUrl() + "/_sim/");
        assertThat(browser.getTitle()).isEqualTo("Connectly Simulator");
        WebElement trackButton = thread(ANA).findElement(By.cssSelector(".msg[data-id='" + template + "'] button.option"));
        assertThat(trackButton.getText()).isEqualTo("Track");

        // 1. write as the customer
        WebElement box = thread(ANA).findElement(By.cssSelector("form.compose input[name=text]"));
        box.sendKeys("Can I pick it up myself?");
        thread(ANA).findElement(By.cssSelector("form.compose button")).click();
        JsonNode text = awaitPost(ANA, 2);
        assertThat(text.path("message").path("text").asText()).isEqualTo("Can I pick it up myself?");
        assertThat(text.path("sender").path("name").asText()).isEqualTo("Ana");
        assertThat(text.path("recipient").path("id").asText()).isEqualTo(ConnectlySimulator.DEFAULT_BUSINESS_NUMBER);
        assertThat(text.path("timestamp").asText()).matches("[0-9]{10}");
        eventually().until(() -> threadShows(ANA, "Can I pick it up myself?"));
        assertThat(thread(ANA).findElement(By.cssSelector("form.compose input[name=text]")).getAttribute("value")).isEmpty();

        // 2. tap the template's quick reply: a button reply quoting the template, echoing its callbackData
        click(() -> thread(ANA).findElement(By.xpath(".//div[@data-id='" + template + "']//button[normalize-space()='Track']")));
        JsonNode tap = awaitPost(ANA, 3);
        assertThat(tap.path("buttonResponse").path("text").asText()).isEqualTo("Track");
        assertThat(tap.path("buttonResponse").path("payload").asText()).isEqualTo("Track");
        assertThat(tap.path("context").path("replyToId").asText()).isEqualTo(template);
        assertThat(tap.path("callbackData").path("orderId").asText()).isEqualTo("A-1001");
        eventually().until(() -> thread(ANA).findElements(By.cssSelector(".msg.in[data-kind=button_reply] .quote")).stream()
                .anyMatch(q -> q.getText().startsWith("button reply to: Hi Ana, your order A-1001")));

        // 3. pick a row of the list
        click(() -> thread(ANA).findElement(By.xpath(".//div[@data-id='" + list + "']//button[@data-option-id='fri']")));
        JsonNode row = awaitPost(ANA, 4);
        assertThat(row.path("listResponse").path("id").asText()).isEqualTo("fri");
        assertThat(row.path("listResponse").path("title").asText()).isEqualTo("Friday");
        assertThat(row.path("listResponse").path("description").asText()).isEqualTo("after 2 pm");
        assertThat(row.path("context").path("replyToId").asText()).isEqualTo(list);
        assertThat(row.path("callbackData").asText()).isEqualTo("delivery-day");

        // 4. a new customer starts a conversation; a bad number is explained on the page
        WebElement start = browser.findElement(By.id("new-conversation"));
        start.findElement(By.name("number")).sendKeys("12345");
        start.findElement(By.name("text")).sendKeys("Hello?");
        start.findElement(By.cssSelector("button")).click();
        eventually().until(() -> browser.findElement(By.id("notice")).getText().contains("E.164"));
        WebElement number = start.findElement(By.name("number"));
        number.clear();
        number.sendKeys("+16045550777");
        start.findElement(By.name("name")).sendKeys("Bo");
        start.findElement(By.cssSelector("button")).click();
        JsonNode first = awaitPost("+16045550777", 1);
        assertThat(first.path("message").path("text").asText()).isEqualTo("Hello?");
        assertThat(first.path("sender").path("name").asText()).isEqualTo("Bo");
        eventually().until(() -> threadShows("+16045550777", "Hello?"));
        assertThat(thread("+16045550777").findElement(By.tagName("h2")).getText()).startsWith("Bo (+16045550777)");
        assertThat(browser.findElement(By.id("notice")).getText()).isEmpty();
        assertThat(sim.conversation("+16045550777")).singleElement().satisfies(m -> assertThat(m.automatic()).isFalse());
    }

    @Test
    void withSeveralBusinessNumbersAPersonChoosesTheNumberToWriteTo() {
        String numberA = ConnectlySimulator.DEFAULT_BUSINESS_NUMBER;
        String numberB = "+14155550101";
        String customer = "+16045550125";
        try (ConnectlySimulator twoNumbers = ConnectlySimulator.builder().businessNumbers(numberA, numberB).build().start();
             WebhookReceiver hook = new WebhookReceiver()) {
            assertThat(new Api(twoNumbers).post("create/webhooks", "{\"topic\":\"messages\",\"address\":\"" + hook.url("/m") + "\"}")
                    .status()).isEqualTo(200);
            Callable<List<String>> recipients = () -> hook.received().stream()
                    .map(post -> post.json().path("recipient").path("id").asText()).collect(Collectors.toList());
            twoNumbers.customer(customer).to(numberB).sendsText("Hi B");

            browser.get(twoNumbers.chatPageUrl());
            assertThat(thread(customer).findElement(By.cssSelector("h2 small[data-business-number='" + numberA + "']")).getText())
                    .isEqualTo(numberA + ": window closed, templates only");
            assertThat(thread(customer).findElement(By.cssSelector("h2 small[data-business-number='" + numberB + "']")).getText())
                    .isEqualTo(numberB + ": 24-hour window open");
            assertThat(thread(customer).findElement(By.cssSelector(".msg.in .meta")).getText()).startsWith("to " + numberB);
            Select to = new Select(thread(customer).findElement(By.cssSelector("form.compose select[name=to]")));
            assertThat(to.getFirstSelectedOption().getAttribute("value")).as("the conversation goes on with B").isEqualTo(numberB);

            to.selectByValue(numberA);
            thread(customer).findElement(By.cssSelector("form.compose input[name=text]")).sendKeys("Now to A");
            thread(customer).findElement(By.cssSelector("form.compose button")).click();
            eventually().until(recipients, list -> list.equals(List.of(numberB, numberA)));
            eventually().until(() -> thread(customer).findElement(By.cssSelector("h2 small[data-business-number='" + numberA + "']"))
                    .getText().equals(numberA + ": 24-hour window open"));

            WebElement start = browser.findElement(By.id("new-conversation"));
            start.findElement(By.name("number")).sendKeys("+16045550126");
            start.findElement(By.name("text")).sendKeys("Hello B?");
            new Select(start.findElement(By.name("to"))).selectByValue(numberB);
            start.findElement(By.cssSelector("button")).click();
            eventually().until(recipients, list -> list.equals(List.of(numberB, numberA, numberB)));
            assertThat(twoNumbers.conversation("+16045550126")).extracting(ChatMessage::businessNumber).containsExactly(numberB);
        }
    }

    @Test
    void typingSurvivesTheRefreshAndHostileTextStaysText() {
        Api api = new Api(sim);
        sim.customer(RAVI).sendsText("hi");
        browser.get(sim.baseUrl() + "/");
        WebElement box = thread(RAVI).findElement(By.cssSelector("form.compose input[name=text]"));
        box.sendKeys("half a thought");
        // the business answers meanwhile: the page shows it after its next refresh, and the draft is still there
        api.sendText(RAVI, "Anything else?");
        eventually().until(() -> threadShows(RAVI, "Anything else?"));
        assertThat(thread(RAVI).findElement(By.cssSelector("form.compose input[name=text]")).getAttribute("value"))
                .isEqualTo("half a thought");

        WebElement draft = thread(RAVI).findElement(By.cssSelector("form.compose input[name=text]"));
        draft.clear();
        String hostile = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script> & thanks";
        draft.sendKeys(hostile);
        thread(RAVI).findElement(By.cssSelector("form.compose button")).click();
        eventually().until(() -> threadShows(RAVI, hostile));
        assertThat(awaitPost(RAVI, 2).path("message").path("text").asText()).isEqualTo(hostile);
        assertThat(browser.getTitle()).isEqualTo("Connectly Simulator");
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
    }
}
