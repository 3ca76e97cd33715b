package io.camelconnectly.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.camelconnectly.example.crm.CrmStandIn;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.DeliveryStatus;
import io.camelconnectly.simulator.RecordedRequest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole example in the test JVM, every flow end to end over real sockets: an order row, a mail, a CRM event and a
 * campaign CSV each reach the simulator as WhatsApp messages, and statuses and replies come back to the database, the
 * mailbox and the CRM stand-in.
 */
class ExampleEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path campaigns;

    static RunningExample app;
    static ConnectlySimulator sim;

    @BeforeAll
    static void startTheExample() throws Exception {
        app = RunningExample.start(campaigns, Map.of());
        sim = app.simulator();
    }

    @AfterAll
    static void stopTheExample() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNewOrderRowSendsOrderShippedAndGetsItsStatusesAndTheReplyBack() throws Exception {
        String customer = "+16045550201";
        app.insertOrder("T-1001", "Ana Souza", customer);

        await().atMost(PATIENCE).until(() -> !sim.conversation(customer).isEmpty());
        ChatMessage sent = sim.conversation(customer).get(0);
        assertThat(sent.text()).isEqualTo("Hi Ana Souza, your order T-1001 has shipped. Reply here if you have any question.");
        assertThat(sent.callbackData().toString()).contains("orders", "T-1001");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.order("T-1001"))
                .containsEntry("status", "SENT")
                .containsEntry("message_id", sent.id())
                .containsEntry("delivery_status", "read"));

        sim.customer(customer).repliesWithButton(sent.id(), "Where is it now?", "track");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.order("T-1001")).containsEntry("reply_text", "Where is it now?"));
        assertThat(app.order("T-1001").get("replied_at")).isNotNull();
        assertThat(app.ordersJson()).contains("\"id\" : \"T-1001\"", "\"reply_text\" : \"Where is it now?\"",
                "\"delivery_status\" : \"read\"").containsPattern("\"created_at\" : \"20\\d\\d-");
    }

    @Test
    void anOrderToANumberThatCannotBeReachedShowsDeliveryFailed() throws Exception {
        app.insertOrder("T-1002", "Dan Unreachable", RunningExample.FAILING_NUMBER);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.order("T-1002"))
                .containsEntry("status", "SENT")
                .containsEntry("delivery_status", "delivery_failed")
                .hasEntrySatisfying("error", error -> assertThat((String) error).startsWith("ERROR_CODE_")));
    }

    @Test
    void aMailNamingACustomerGoesToWhatsAppAndTheReplyIsMailedBackToTheSender() throws Exception {
        String customer = "+16045550202";
        // within the 24-hour window: the customer wrote first
        sim.customer(customer).named("Dev Patel").sendsText("Hello, any news about my invoice?");
        GreenMailUtil.sendTextEmail("whatsapp@example.local", "Billing <billing@shop.example>", customer + " Invoice INV-7",
                "Hello Dev, invoice INV-7 is paid.\n\n> quoted earlier mail\n-- \nBilling team",
                app.greenMail().getSmtp().getServerSetup());

        await().atMost(PATIENCE).until(() -> sim.conversation(customer).size() >= 2);
        ChatMessage forwarded = sim.conversation(customer).get(1);
        assertThat(forwarded.text()).isEqualTo("Hello Dev, invoice INV-7 is paid.");

        // a plain text reply quotes nothing: it reaches the mail's sender through the customer's latest thread
        sim.customer(customer).sendsText("Great, thank you!");
        MimeMessage reply = awaitMail("billing@shop.example", "Re: " + customer + " Invoice INV-7");
        assertThat(GreenMailUtil.getBody(reply)).contains(customer + " replied on WhatsApp:", "Great, thank you!");
        assertThat(reply.getFrom()[0].toString()).isEqualTo("whatsapp@example.local");
    }

    @Test
    void aMailToACustomerOutsideTheWindowIsAnsweredWithTheReason() throws Exception {
        String customer = "+16045550203";
        GreenMailUtil.sendTextEmail("whatsapp@example.local", "support@shop.example", customer + " Your parcel",
                "It left today.", app.greenMail().getSmtp().getServerSetup());

        MimeMessage bounce = awaitMail("support@shop.example", "Re: " + customer + " Your parcel");
        assertThat(GreenMailUtil.getBody(bounce)).contains("was not sent to WhatsApp", "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
        assertThat(sim.conversation(customer)).isEmpty();
    }

    @Test
    void aCrmEventSendsATemplateAndTheReplyIsPushedToTheCrm() {
        CrmStandIn crm = app.crm();
        String customer = "+16045550105"; // Eva Müller, contact C-1 of deal D-1
        crm.changeDealStage("D-1", "won");

        await().atMost(PATIENCE).until(() -> !sim.conversation(customer).isEmpty());
        ChatMessage sent = sim.conversation(customer).get(0);
        assertThat(sent.text()).isEqualTo("Hi Eva Müller, your deal Fleet renewal 2027 has moved to the won stage. "
                                          + "Reply here if you have any question.");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(crm.eventDeliveries()).anyMatch(d -> d.status() == 200));

        sim.customer(customer).repliesWithButton(sent.id(), "Thanks, see you Monday", "ok");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(crm.activities())
                .anyMatch(a -> a.record().equals("deals/D-1") && a.text().equals("Thanks, see you Monday")
                               && a.from().equals(customer) && a.channel().equals("whatsapp")));
    }

    @Test
    void aCampaignCsvIsSentOutAndAnUnpublishedCampaignGoesToTheErrorFolder() throws Exception {
        Path inbox = campaigns.resolve("inbox");
        Files.writeString(inbox.resolve("spring_sale--e2e.csv"), "phone,name\n+16045550211,Gia\n+16045550212,Hiro\n");
        Files.writeString(inbox.resolve("draft_campaign.csv"), "phone,name\n+16045550213,Ines\n");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(names(campaigns.resolve("done"))).anyMatch(name -> name.endsWith("spring_sale--e2e.csv"));
            assertThat(names(campaigns.resolve("error"))).contains("draft_campaign.csv");
        });
        List<RecordedRequest> sendouts = sim.requests().stream().filter(r -> r.path().endsWith("/send/campaigns")).toList();
        assertThat(sendouts).anyMatch(r -> r.status() == 200 && r.body().contains("spring_sale")
                                          && r.body().contains("+16045550211") && r.body().contains("+16045550212"));
        assertThat(sendouts).anyMatch(r -> r.status() == 409 && r.body().contains("draft_campaign"));
        await().atMost(PATIENCE).until(() -> !sim.conversation("+16045550211").isEmpty());
        assertThat(sim.conversation("+16045550211").get(0).status()).isNotEqualTo(DeliveryStatus.DELIVERY_FAILED);
    }

    private MimeMessage awaitMail(String to, String subject) {
        return await().atMost(PATIENCE).until(() -> Arrays.stream(app.greenMail().getReceivedMessages())
                .filter(m -> recipients(m).contains(to) && subject.equals(subjectOf(m))).findFirst().orElse(null),
                m -> m != null);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
