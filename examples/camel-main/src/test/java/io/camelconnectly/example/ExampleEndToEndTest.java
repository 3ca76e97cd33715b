package io.camelconnectly.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.camelconnectly.example.crm.CrmStandIn;
import io.camelconnectly.simulator.ApiOperation;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.DeliveryStatus;
import io.camelconnectly.simulator.OperationStats;
import io.camelconnectly.simulator.RecordedRequest;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.api.management.ManagedCamelContext;
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
        assertThat(sent.kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(sent.text()).isEqualTo("Hi Ana Souza, your order T-1001 has shipped. Reply here if you have any question.");
        assertThat(sent.callbackData().toString()).contains("orders", "T-1001");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.order("T-1001"))
                .containsEntry("status", "SENT")
                .containsEntry("message_id", sent.id())
                .containsEntry("delivery_status", "read"));

        // the template's quick reply Track: recorded on the row, answered with the tracking link (a session message)
        sim.customer(customer).taps(sent.id(), "Track");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.order("T-1001")).containsEntry("reply_text", "Track"));
        assertThat(app.order("T-1001").get("replied_at")).isNotNull();
        ChatMessage tracking = await().atMost(PATIENCE).until(() -> lastOutbound(customer), m -> !m.id().equals(sent.id()));
        assertThat(tracking.kind()).isEqualTo(ChatMessage.Kind.TEXT);
        assertThat(tracking.text()).isEqualTo("Your order T-1001 is on its way. Follow it here: https://track.example.com/orders/T-1001");
        assertThat(tracking.callbackData().toString()).contains("orders", "T-1001");
        assertThat(app.ordersJson()).contains("\"id\" : \"T-1001\"", "\"reply_text\" : \"Track\"",
                "\"delivery_status\" : \"read\"").containsPattern("\"created_at\" : \"20\\d\\d-");

        // what reached whom: both messages with their kind and status (kamelet:connectly-delivery-tracking)
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(messageRows())
                .anySatisfy(row -> assertThat(row).containsEntry("message_id", sent.id()).containsEntry("recipient", customer)
                        .containsEntry("sent_as", "template").containsEntry("template_name", "order_shipped")
                        .containsEntry("status", "read"))
                .anySatisfy(row -> assertThat(row).containsEntry("message_id", tracking.id()).containsEntry("sent_as", "session")
                        .containsEntry("status", "read")));

        // Thanks, tapped by hand on the chat page, gets its own answer
        sim.customer(customer).taps(sent.id(), "Thanks");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lastOutbound(customer).text())
                .isEqualTo("You're welcome! Enjoy your order T-1001."));
        assertThat(app.order("T-1001")).containsEntry("reply_text", "Thanks");
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
    void aMailToACustomerWhoseWindowIsClosedGoesOutAsTheFallbackTemplateWithNoRefusedCall() throws Exception {
        String customer = "+16045550203";
        // the customer last wrote 25 hours ago (as the webhook consumer would have recorded it then)
        app.windows().recordCustomerMessage(customer, sim.businessNumbers().iterator().next(),
                Instant.now().minus(Duration.ofHours(25)));
        long refusedSessionsBefore = refused(ApiOperation.SEND_MESSAGE);
        long templatesBefore = sim.operationStats(ApiOperation.SEND_TEMPLATE).tookEffect();
        GreenMailUtil.sendTextEmail("whatsapp@example.local", "support@shop.example", customer + " Your parcel",
                "It left today,\nwith the  express carrier.", app.greenMail().getSmtp().getServerSetup());

        await().atMost(PATIENCE).until(() -> !sim.conversation(customer).isEmpty());
        ChatMessage sent = sim.conversation(customer).get(0);
        assertThat(sent.kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(sent.text()).isEqualTo("New message from support@shop.example: It left today, with the express carrier. "
                                          + "Reply here to answer it.");
        assertThat(sim.requests()).as("no session message was tried first")
                .noneMatch(r -> r.path().endsWith("/send/messages") && r.body().contains(customer));
        assertThat(refused(ApiOperation.SEND_MESSAGE)).as("session messages refused").isEqualTo(refusedSessionsBefore);
        assertThat(sim.operationStats(ApiOperation.SEND_TEMPLATE).tookEffect()).isGreaterThan(templatesBefore);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(messageRows()).anySatisfy(row -> assertThat(row)
                .containsEntry("message_id", sent.id()).containsEntry("sent_as", "template")
                .containsEntry("template_name", "mail_received")));

        // the customer answers the template: the window opens and the answer is mailed back to the sender
        sim.customer(customer).sendsText("Thanks, I'll be home.");
        MimeMessage reply = awaitMail("support@shop.example", "Re: " + customer + " Your parcel");
        assertThat(GreenMailUtil.getBody(reply)).contains("Thanks, I'll be home.");
        assertThat(Arrays.stream(app.greenMail().getReceivedMessages()).map(GreenMailUtil::getBody))
                .noneMatch(body -> body.contains("was not sent to WhatsApp"));
    }

    @Test
    void aMailWithoutAMessageIdGoesToWhatsAppToo() throws Exception {
        String customer = "+16045550204";
        sim.customer(customer).named("Eva").sendsText("Hi, is my order ready?");
        // as a script or a device sends it (Python's smtplib adds no Message-ID): straight SMTP, no header added
        sendRawMail("scripts@shop.example", "whatsapp@example.local",
                "From: scripts@shop.example\r\nTo: whatsapp@example.local\r\nSubject: " + customer
                + " Order ready\r\n\r\nYour order is ready for pickup.\r\n");

        await().atMost(PATIENCE).until(() -> sim.conversation(customer).size() >= 2);
        assertThat(sim.conversation(customer).get(1).text()).isEqualTo("Your order is ready for pickup.");
        assertThat(Arrays.stream(app.greenMail().getReceivedMessages()).map(GreenMailUtil::getBody))
                .noneMatch(body -> body.contains("Order ready' was not sent to WhatsApp"));
    }

    private static void sendRawMail(String from, String to, String message) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.greenMail().getSmtp().getPort());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expectReply(in, "220");
            for (String[] step : new String[][] {{"HELO test", "250"}, {"MAIL FROM:<" + from + ">", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"}, {message + ".", "250"}, {"QUIT", "221"}}) {
                out.write(step[0] + "\r\n");
                out.flush();
                expectReply(in, step[1]);
            }
        }
    }

    private static void expectReply(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("SMTP reply").startsWith(code);
        } while (line.charAt(3) == '-');
    }

    @Test
    void aMailWithoutACustomerNumberIsAnsweredWithTheReason() throws Exception {
        GreenMailUtil.sendTextEmail("whatsapp@example.local", "sales@shop.example", "Your parcel", "It left today.",
                app.greenMail().getSmtp().getServerSetup());

        MimeMessage bounce = awaitMail("sales@shop.example", "Re: Your parcel");
        assertThat(GreenMailUtil.getBody(bounce)).contains("was not sent to WhatsApp",
                "put the customer's WhatsApp number first in the subject");
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
        // logged as what it is, by the campaign route's own onException (the send went through kamelet:connectly-sink)
        assertThat(app.context().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedProcessor(CampaignRoutes.NOT_PUBLISHED_LOG).getExchangesCompleted()).isPositive();
        await().atMost(PATIENCE).until(() -> !sim.conversation("+16045550211").isEmpty());
        assertThat(sim.conversation("+16045550211").get(0).status()).isNotEqualTo(DeliveryStatus.DELIVERY_FAILED);
    }

    /** Requests to an operation that the simulator refused (answered with an error of its own, not a fault). */
    private static long refused(ApiOperation operation) {
        OperationStats stats = sim.operationStats(operation);
        return stats.requests() - stats.tookEffect() - stats.faulted() - stats.rateLimited();
    }

    /** The customer's latest message from the business, or null. */
    private static ChatMessage lastOutbound(String customer) {
        List<ChatMessage> outbound = sim.conversation(customer).stream().filter(ChatMessage::outbound).toList();
        return outbound.isEmpty() ? null : outbound.get(outbound.size() - 1);
    }

    /** GET /messages as rows. */
    private static List<Map<String, Object>> messageRows() throws Exception {
        return new ObjectMapper().readValue(app.messagesJson(), new TypeReference<>() {
        });
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
