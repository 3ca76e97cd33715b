package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelconnectly.component.connectly.client.ConnectlyApiException;
import io.camelconnectly.component.connectly.client.ConnectlyAuthenticationException;
import io.camelconnectly.component.connectly.client.ConnectlyCampaignNotPublishedException;
import io.camelconnectly.component.connectly.client.ConnectlyOutsideWindowException;
import io.camelconnectly.component.connectly.client.ConnectlyTemplateException;
import io.camelconnectly.component.connectly.model.Attachment;
import io.camelconnectly.component.connectly.model.CampaignSendoutResponse;
import io.camelconnectly.component.connectly.model.CampaignSendoutResult;
import io.camelconnectly.component.connectly.model.CreateTemplateRequest;
import io.camelconnectly.component.connectly.model.CreateTemplateResponse;
import io.camelconnectly.component.connectly.model.CreateWebhookRequest;
import io.camelconnectly.component.connectly.model.DeleteWebhookResponse;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.GetWebhooksResponse;
import io.camelconnectly.component.connectly.model.Location;
import io.camelconnectly.component.connectly.model.MessageTemplate;
import io.camelconnectly.component.connectly.model.QualitySignalsResponse;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import io.camelconnectly.component.connectly.model.SessionMessage;
import io.camelconnectly.component.connectly.model.TemplateBody;
import io.camelconnectly.component.connectly.model.TemplateButton;
import io.camelconnectly.component.connectly.model.TemplateButtons;
import io.camelconnectly.component.connectly.model.TemplateHeader;
import io.camelconnectly.component.connectly.model.TemplateMedia;
import io.camelconnectly.component.connectly.model.TemplateUrlButton;
import io.camelconnectly.component.connectly.model.TemplateComponent;
import io.camelconnectly.component.connectly.model.TemplateLanguage;
import io.camelconnectly.component.connectly.model.TemplateText;
import io.camelconnectly.component.connectly.model.UpdateWebhookRequest;
import io.camelconnectly.component.connectly.model.Webhook;
import io.camelconnectly.component.connectly.model.WebhookResponse;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producers against the simulator (a local Connectly over loopback HTTP, with the API's rules), through its JUnit
 * 5 extension: what a user's route test looks like. Each test uses its own customer number, so the one simulator of
 * the class can be shared.
 */
class SimulatorProducerTest extends CamelTestSupport {

    /** Long enough that only an explicit clock move approves a created template. */
    private static final Duration APPROVAL_DELAY = Duration.ofHours(1);
    private static final String BUSINESS_NUMBER = ConnectlySimulator.DEFAULT_BUSINESS_NUMBER;

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .apiKey("sim-key-7c1d0e55")
            .businessId("biz-e2e")
            .templateApprovalDelay(APPROVAL_DELAY)
            .statusDelay(Duration.ofMillis(20)));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("connectly", SimulatorComponents.connectlyFor(SIM));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the pattern users write: a session message, and a template when the 24-hour window is closed
                from("direct:notify")
                        .onException(ConnectlyOutsideWindowException.class).handled(true)
                            .to("connectly:sendTemplatedMessage?templateName=order_shipped"
                                + "&templateParameters.body_1=Ana&templateParameters.body_2=A-1001")
                            .to("mock:fallback")
                        .end()
                        .to("connectly:sendMessage")
                        .to("mock:session");
            }
        };
    }

    private Exchange send(String uri, Object body, Object... headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    private static List<RecordedRequest> requestsTo(String operation) {
        String path = "/v1/businesses/" + SIM.businessId() + "/" + operation;
        return SIM.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static ChatMessage lastOutbound(String customer) {
        List<ChatMessage> outbound = SIM.get().conversation(customer).stream().filter(ChatMessage::outbound).toList();
        assertThat(outbound).as("messages sent to %s", customer).isNotEmpty();
        return outbound.get(outbound.size() - 1);
    }

    // --------------------------------------------------------------------------------------------- session messages

    @Test
    void sessionMessageInsideTheWindowReturnsTheMessageId() {
        String customer = "+16045550101";
        SIM.customer(customer).named("Ana").sendsText("Where is my order?");

        Exchange exchange = send("connectly:sendMessage", "It left the warehouse this morning.",
                ConnectlyConstants.RECIPIENT, customer);

        assertThat(exchange.getException()).isNull();
        String id = exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
        assertThat(id).isNotBlank();
        assertThat(exchange.getMessage().getBody(SendMessageResponse.class).getId()).isEqualTo(id);
        ChatMessage sent = lastOutbound(customer);
        assertThat(sent.id()).isEqualTo(id);
        assertThat(sent.text()).isEqualTo("It left the warehouse this morning.");
        assertThat(requestsTo("send/messages")).last()
                .satisfies(r -> assertThat(r.header("X-API-Key")).isEqualTo(SIM.apiKey()));
    }

    @Test
    void mediaLocationAndSenderAreAcceptedAsTheSimulatorReadsThem() {
        String customer = "+16045550113";
        SIM.customer(customer).sendsText("Send me the invoice and the shop address");

        Exchange media = send("connectly:sendMessage?sender=" + BUSINESS_NUMBER, new SessionMessage().withAttachments(List.of(
                new Attachment().withType(Attachment.TYPE_DOCUMENT).withUrl("https://cdn.example.com/invoice.pdf")
                        .withCaption("Invoice").withFilename("invoice.pdf"))), ConnectlyConstants.RECIPIENT, customer);
        assertThat(media.getException()).isNull();
        assertThat(lastOutbound(customer).kind()).isEqualTo(ChatMessage.Kind.MEDIA);
        assertThat(lastOutbound(customer).text()).isEqualTo("[document] https://cdn.example.com/invoice.pdf Invoice");

        Exchange location = send("connectly:sendMessage", new SessionMessage().withLocation(new Location()
                .withLatitude(49.2827).withLongitude(-123.1207).withName("Shop").withAddress("1 Main St")),
                ConnectlyConstants.RECIPIENT, customer);
        assertThat(location.getException()).isNull();
        assertThat(lastOutbound(customer).kind()).isEqualTo(ChatMessage.Kind.LOCATION);

        // a sender that is not one of the business's numbers: Connectly's error, mapped with its advice
        Exchange wrongSender = send("connectly:sendMessage?sender=+14155559999", "hi", ConnectlyConstants.RECIPIENT, customer);
        assertThat(wrongSender.getException()).isInstanceOfSatisfying(ConnectlyApiException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo("ERROR_CODE_INVALID_SENDER_ID");
            assertThat(e.getMessage()).contains("Check sender is a WhatsApp number of this business");
        });
    }

    @Test
    void sessionMessageOutsideTheWindowIsMatchedInOnExceptionAndFallsBackToATemplate() throws Exception {
        String neverWrote = "+16045550102";
        String wroteYesterday = "+16045550103";
        SIM.customer(wroteYesterday).sendsText("hello");
        SIM.clock().advance(Duration.ofHours(25));
        MockEndpoint fallback = getMockEndpoint("mock:fallback");
        MockEndpoint session = getMockEndpoint("mock:session");
        fallback.expectedMessageCount(2);
        session.expectedMessageCount(0);

        Exchange first = send("direct:notify", "Your order has shipped.", ConnectlyConstants.RECIPIENT, neverWrote);
        Exchange second = send("direct:notify", "Your order has shipped.", ConnectlyConstants.RECIPIENT, wroteYesterday);

        MockEndpoint.assertIsSatisfied(context);
        for (Exchange exchange : List.of(first, second)) {
            assertThat(exchange.getException()).isNull();
            ConnectlyOutsideWindowException caught
                    = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ConnectlyOutsideWindowException.class);
            assertThat(caught).isNotNull();
            assertThat(caught.getErrorCode()).isEqualTo("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
            assertThat(caught.getCntTraceId()).isNotBlank();
            assertThat(caught.getMessage()).contains("send a template message instead");
        }
        // the template went out instead of the session message
        assertThat(lastOutbound(neverWrote).kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(lastOutbound(wroteYesterday).text()).startsWith("Hi Ana, your order A-1001 has shipped.");
        assertThat(lastOutbound(wroteYesterday).id())
                .isEqualTo(second.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID));
    }

    // ------------------------------------------------------------------------------------------------------ templates

    @Test
    void templatedOrderShippedWithBothParametersIsSent() {
        String customer = "+16045550104";

        Exchange exchange = send("connectly:sendTemplatedMessage?templateName=order_shipped&language=en", null,
                ConnectlyConstants.RECIPIENT, customer,
                ConnectlyConstants.TEMPLATE_PARAMETERS, Map.of("body_2", "A-1001", "body_1", "Ana"));

        assertThat(exchange.getException()).isNull();
        String id = exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
        assertThat(lastOutbound(customer).id()).isEqualTo(id);
        assertThat(lastOutbound(customer).text()).startsWith("Hi Ana, your order A-1001 has shipped.");
    }

    @Test
    void missingTemplateParameterFailsBeforeAnySend() {
        SIM.get().clearRequests();

        Exchange exchange = send("connectly:sendTemplatedMessage?templateName=order_shipped&templateParameters.body_1=Ana",
                null, ConnectlyConstants.RECIPIENT, "+16045550105");

        assertThat(exchange.getException()).isInstanceOfSatisfying(ConnectlyTemplateException.class, e -> {
            assertThat(e.getProblem()).isEqualTo(ConnectlyTemplateException.Problem.MISSING_PARAMETER);
            assertThat(e.getParameter()).isEqualTo("body_2");
            assertThat(e.getTemplateName()).isEqualTo("order_shipped");
        });
        assertThat(requestsTo("send/whatsapp_templated_messages")).isEmpty();
        assertThat(SIM.get().conversation("+16045550105")).isEmpty();
    }

    @Test
    void extraTemplateParameterIsAnErrorOnBothSides() {
        SIM.get().clearRequests();
        String uri = "connectly:sendTemplatedMessage?templateName=welcome&templateParameters.body_1=Ana";

        // checked by the component: nothing sent
        Exchange checked = send(uri, null, ConnectlyConstants.RECIPIENT, "+16045550106");
        assertThat(checked.getException()).isInstanceOfSatisfying(ConnectlyTemplateException.class, e -> {
            assertThat(e.getProblem()).isEqualTo(ConnectlyTemplateException.Problem.UNKNOWN_PARAMETER);
            assertThat(e.getParameter()).isEqualTo("body_1");
        });
        assertThat(requestsTo("send/whatsapp_templated_messages")).isEmpty();

        // with the check off, the (simulated) Connectly refuses it the same way
        Exchange unchecked = send(uri + "&validateTemplateParameters=false", null, ConnectlyConstants.RECIPIENT, "+16045550106");
        assertThat(unchecked.getException()).isInstanceOfSatisfying(ConnectlyApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(400);
            assertThat(e.getErrorCode()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID");
            assertThat(e.getErrorMessage()).contains("body_1");
        });
        assertThat(requestsTo("send/whatsapp_templated_messages")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(400));
    }

    private static CreateTemplateRequest templateRequest(String name, String body) {
        return new CreateTemplateRequest()
                .withName(name)
                .withLanguage(new TemplateLanguage().withCode("en"))
                .withCategory(CreateTemplateRequest.CATEGORY_UTILITY)
                .withTemplateComponents(List.of(new TemplateComponent()
                        .withBody(new TemplateBody().withText(new TemplateText().withText(body)))));
    }

    private MessageTemplate listedTemplate(String name) {
        GetTemplatesResponse templates = template.requestBody("connectly:getTemplates", null, GetTemplatesResponse.class);
        return templates.findTemplate(name, "en").orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    @Test
    void createdTemplateIsPendingThenApprovedAndSendable() {
        String customer = "+16045550107";
        CreateTemplateResponse created = template.requestBody("connectly:createTemplate",
                templateRequest("delivery_slot", "Hi {{1}}, we deliver on {{2}}."), CreateTemplateResponse.class);
        assertThat(created.getEntity().getTemplates()).singleElement()
                .satisfies(t -> assertThat(t.getStatus()).isEqualTo(MessageTemplate.STATUS_PENDING));
        assertThat(listedTemplate("delivery_slot").getStatus()).isEqualTo(MessageTemplate.STATUS_PENDING);

        String uri = "connectly:sendTemplatedMessage?templateName=delivery_slot"
                     + "&templateParameters.body_1=Ana&templateParameters.body_2=Friday";
        Exchange tooEarly = send(uri, null, ConnectlyConstants.RECIPIENT, customer);
        assertThat(tooEarly.getException()).isInstanceOfSatisfying(ConnectlyTemplateException.class,
                e -> assertThat(e.getProblem()).isEqualTo(ConnectlyTemplateException.Problem.TEMPLATE_NOT_APPROVED));

        SIM.clock().advance(APPROVAL_DELAY.plusMinutes(1));

        assertThat(listedTemplate("delivery_slot").getStatus()).isEqualTo(MessageTemplate.STATUS_APPROVED);
        // the producer's template cache saw it PENDING: it must look again rather than refuse an approved template
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Exchange approved = send(uri, null, ConnectlyConstants.RECIPIENT, customer);
            assertThat(approved.getException()).isNull();
        });
        assertThat(lastOutbound(customer).text()).isEqualTo("Hi Ana, we deliver on Friday.");
    }

    @Test
    void templateWithAGapInItsVariablesIsRejectedAndNeverSent() {
        template.requestBody("connectly:createTemplate", templateRequest("gap_in_variables", "Hi {{1}}, see {{3}}."));
        SIM.clock().advance(APPROVAL_DELAY.plusMinutes(1));

        MessageTemplate rejected = listedTemplate("gap_in_variables");
        assertThat(rejected.getStatus()).isEqualTo(MessageTemplate.STATUS_REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("INVALID_FORMAT");

        SIM.get().clearRequests();
        Exchange exchange = send("connectly:sendTemplatedMessage?templateName=gap_in_variables"
                                 + "&templateParameters.body_1=Ana&templateParameters.body_3=x",
                null, ConnectlyConstants.RECIPIENT, "+16045550108");
        assertThat(exchange.getException()).isInstanceOfSatisfying(ConnectlyTemplateException.class, e -> {
            assertThat(e.getProblem()).isEqualTo(ConnectlyTemplateException.Problem.TEMPLATE_NOT_APPROVED);
            assertThat(e.getMessage()).contains("MESSAGE_TEMPLATE_STATUS_REJECTED").contains("INVALID_FORMAT");
        });
        assertThat(requestsTo("send/whatsapp_templated_messages")).isEmpty();
    }

    private static CreateTemplateRequest trackingTemplate(String name, String buttonUrl) {
        return new CreateTemplateRequest()
                .withName(name)
                .withLanguage(new TemplateLanguage().withCode("en"))
                .withCategory(CreateTemplateRequest.CATEGORY_UTILITY)
                .withTemplateComponents(List.of(
                        new TemplateComponent().withHeader(new TemplateHeader()
                                .withMedia(new TemplateMedia().withType("TYPE_IMAGE"))),
                        new TemplateComponent().withBody(new TemplateBody()
                                .withText(new TemplateText().withText("Hi {{1}}, follow your parcel below."))),
                        new TemplateComponent().withButtons(new TemplateButtons().withButtons(List.of(
                                new TemplateButton().withUrl(new TemplateUrlButton().withText("Track").withUrl(buttonUrl)))))));
    }

    @Test
    void templateWithMediaHeaderAndUrlButtonIsUnderstoodAlikeByTheComponentAndTheSimulator() {
        String customer = "+16045550112";
        template.requestBody("connectly:createTemplate", trackingTemplate("parcel_tracking", "https://shop.example.com/track/{{1}}"));
        template.requestBody("connectly:createTemplate", trackingTemplate("parcel_tracking_short", "https://bit.ly/{{1}}"));
        SIM.clock().advance(APPROVAL_DELAY.plusMinutes(1));

        assertThat(listedTemplate("parcel_tracking").getStatus()).isEqualTo(MessageTemplate.STATUS_APPROVED);
        MessageTemplate shortened = listedTemplate("parcel_tracking_short");
        assertThat(shortened.getStatus()).isEqualTo(MessageTemplate.STATUS_REJECTED);
        assertThat(shortened.getRejectionReason()).isEqualTo("INVALID_FORMAT");

        // the component derives the same variables as the simulator: header_image, body_1, button_1_url
        String uri = "connectly:sendTemplatedMessage?templateName=parcel_tracking";
        Exchange missingButton = send(uri, null, ConnectlyConstants.RECIPIENT, customer,
                ConnectlyConstants.TEMPLATE_PARAMETERS, Map.of("header_image", "https://cdn.example.com/p.jpg", "body_1", "Ana"));
        assertThat(missingButton.getException()).isInstanceOfSatisfying(ConnectlyTemplateException.class,
                e -> assertThat(e.getParameter()).isEqualTo("button_1_url"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Exchange sent = send(uri, null, ConnectlyConstants.RECIPIENT, customer, ConnectlyConstants.TEMPLATE_PARAMETERS,
                    Map.of("header_image", "https://cdn.example.com/p.jpg", "body_1", "Ana", "button_1_url", "A-1001"));
            assertThat(sent.getException()).isNull();
        });
        assertThat(lastOutbound(customer).text()).isEqualTo("[image] https://cdn.example.com/p.jpg\nHi Ana, follow your parcel below.");
    }

    @Test
    void templateToTheBusinessNumberFailsWithConnectlysErrorAndTraceId() {
        Exchange exchange = send("connectly:sendTemplatedMessage?templateName=welcome", null,
                ConnectlyConstants.RECIPIENT, BUSINESS_NUMBER);

        assertThat(exchange.getException()).isExactlyInstanceOf(ConnectlyApiException.class);
        ConnectlyApiException e = (ConnectlyApiException) exchange.getException();
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getErrorCode()).isEqualTo("ERROR_CODE_MESSAGE_SELF_INVALID");
        assertThat(e.getCntTraceId()).matches("\\d+");
        assertThat(e.getMessage()).contains("cntTraceId=" + e.getCntTraceId()).doesNotContain(SIM.apiKey());
        assertThat(e.isRetryable()).isFalse();
        assertThat(requestsTo("send/whatsapp_templated_messages")).last()
                .satisfies(r -> assertThat(r.status()).isEqualTo(400));
    }

    // ------------------------------------------------------------------------------------------------------ campaigns

    @Test
    void campaignSendoutIsRefusedForTheSameCustomerUnlessDuplicatesAreAllowed() {
        String customer = "+16045550109";
        String uri = "connectly:sendCampaign?campaignName=spring_sale";

        CampaignSendoutResult first = campaign(send(uri, Map.of("discount", "20%"), ConnectlyConstants.RECIPIENT, customer));
        assertThat(first.getAcceptedCount()).isEqualTo(1);
        assertThat(first.getRejectedCount()).isZero();
        assertThat(first.getError()).isNull();
        assertThat(lastOutbound(customer).kind()).isEqualTo(ChatMessage.Kind.CAMPAIGN);

        CampaignSendoutResult duplicate = campaign(send(uri, Map.of("discount", "20%"), ConnectlyConstants.RECIPIENT, customer));
        assertThat(duplicate.getAcceptedCount()).isZero();
        assertThat(duplicate.getRejectedCount()).isEqualTo(1);
        assertThat(duplicate.getError().getCode()).isEqualTo("ERROR_CODE_CAMPAIGN_DUPLICATE_SENDOUT");

        CampaignSendoutResult allowed = campaign(send(uri + "&allowDuplicates=true", Map.of("discount", "20%"),
                ConnectlyConstants.RECIPIENT, customer));
        assertThat(allowed.getAcceptedCount()).isEqualTo(1);
        assertThat(allowed.getRejectedCount()).isZero();
        assertThat(allowed.getStatus()).isEqualTo("updated");
        assertThat(SIM.get().conversation(customer).stream().filter(m -> m.kind() == ChatMessage.Kind.CAMPAIGN)).hasSize(2);
    }

    private static CampaignSendoutResult campaign(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        CampaignSendoutResponse response = exchange.getMessage().getBody(CampaignSendoutResponse.class);
        assertThat(response.getData()).hasSize(1);
        assertThat(response.getData().get(0).getCampaignName()).isEqualTo("spring_sale");
        return response.getData().get(0);
    }

    @Test
    void unpublishedCampaignGives409WithTheFlowBuilderAdvice() {
        Exchange exchange = send("connectly:sendCampaign?campaignName=draft_campaign", Map.of(),
                ConnectlyConstants.RECIPIENT, "+16045550110");

        assertThat(exchange.getException()).isInstanceOfSatisfying(ConnectlyCampaignNotPublishedException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(409);
            assertThat(e.getErrorCode()).isEqualTo("ERROR_CODE_CAMPAIGN_NOT_PUBLISHED");
            assertThat(e.getMessage()).contains("publish the campaign in Flow Builder, then retry");
            assertThat(e.getCntTraceId()).isNotBlank();
            assertThat(e.getAttempts()).isEqualTo(1);
        });
        assertThat(SIM.get().conversation("+16045550110")).isEmpty();
    }

    // --------------------------------------------------------------------------------------------- account, webhooks

    @Test
    void wrongApiKeyIsRejectedWithoutShowingTheKey() {
        String wrongKey = "ck_wrong_0f9e8d7c6b5a";
        String customer = "+16045550111";
        SIM.customer(customer).sendsText("hi");

        Exchange exchange = send("connectly:sendMessage?apiKey=" + wrongKey, "hello", ConnectlyConstants.RECIPIENT, customer);

        assertThat(exchange.getException()).isInstanceOfSatisfying(ConnectlyAuthenticationException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain(wrongKey).doesNotContain(SIM.apiKey()).contains("apiKey");
        });
        // the key did reach the simulator (the request was made), it just is not the business's key
        assertThat(requestsTo("send/messages")).last().satisfies(r -> {
            assertThat(r.header("X-API-Key")).isEqualTo(wrongKey);
            assertThat(r.status()).isEqualTo(401);
        });
        assertThat(SIM.get().conversation(customer).stream().filter(ChatMessage::outbound)).isEmpty();
    }

    @Test
    void qualitySignalsOfANewAccountHaveTheUnspecifiedTier() {
        QualitySignalsResponse signals = template.requestBody("connectly:getQualitySignals", null, QualitySignalsResponse.class);

        assertThat(signals.whatsappSignals()).singleElement().satisfies(s -> {
            assertThat(s.getPhoneNumber()).isEqualTo(BUSINESS_NUMBER);
            assertThat(s.getMessagesLimitTier()).isEqualTo("WHATS_APP_MESSAGE_LIMIT_TIER_UNSPECIFIED");
            assertThat(s.getQualityScore()).isEqualTo("WHATS_APP_QUALITY_SCORE_HIGH");
        });
    }

    @Test
    void webhookRegistrationRoundTrip() {
        // port 9 (discard) on loopback: nothing is posted there because no message is sent while it is registered
        String address = "http://127.0.0.1:9/hooks/delivery";
        WebhookResponse created = template.requestBody("connectly:createWebhook",
                new CreateWebhookRequest().withTopic("delivery_status").withAddress(address), WebhookResponse.class);
        Webhook webhook = created.webhook();
        assertThat(webhook.getId()).isNotBlank();
        assertThat(webhook.getTopic()).isEqualTo("delivery_status");
        assertThat(webhook.getAddress()).isEqualTo(address);

        GetWebhooksResponse listed = template.requestBody("connectly:getWebhooks", null, GetWebhooksResponse.class);
        assertThat(listed.webhooks()).extracting(Webhook::getId, Webhook::getAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(webhook.getId(), address));

        String moved = "http://localhost:9/hooks/v2";
        Exchange update = send("connectly:updateWebhook", new UpdateWebhookRequest().withAddress(moved),
                ConnectlyConstants.WEBHOOK_ID, webhook.getId());
        assertThat(update.getException()).isNull();
        assertThat(update.getMessage().getBody(WebhookResponse.class).webhook().getAddress()).isEqualTo(moved);
        assertThat(template.requestBody("connectly:getWebhooks", null, GetWebhooksResponse.class).webhooks())
                .singleElement().satisfies(w -> assertThat(w.getAddress()).isEqualTo(moved));

        Exchange delete = send("connectly:deleteWebhook?webhookId=" + webhook.getId(), null);
        assertThat(delete.getException()).isNull();
        assertThat(delete.getMessage().getBody(DeleteWebhookResponse.class).getWebhookId()).isEqualTo(webhook.getId());
        assertThat(template.requestBody("connectly:getWebhooks", null, GetWebhooksResponse.class).webhooks()).isEmpty();

        Exchange deletedTwice = send("connectly:deleteWebhook?webhookId=" + webhook.getId(), null);
        assertThat(deletedTwice.getException()).isInstanceOfSatisfying(ConnectlyApiException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }
}
