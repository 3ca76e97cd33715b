package io.camelconnectly.component.connectly;

import java.util.List;
import java.util.Map;

import io.camelconnectly.component.connectly.RecordingHttpServer.Recorded;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.CampaignEntry;
import io.camelconnectly.component.connectly.model.CampaignSendoutResponse;
import io.camelconnectly.component.connectly.model.CreateTemplateRequest;
import io.camelconnectly.component.connectly.model.CreateTemplateResponse;
import io.camelconnectly.component.connectly.model.CreateWebhookRequest;
import io.camelconnectly.component.connectly.model.DeleteWebhookResponse;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.GetWebhooksResponse;
import io.camelconnectly.component.connectly.model.MessageTemplate;
import io.camelconnectly.component.connectly.model.QualitySignalsResponse;
import io.camelconnectly.component.connectly.model.TemplateBody;
import io.camelconnectly.component.connectly.model.TemplateComponent;
import io.camelconnectly.component.connectly.model.TemplateLanguage;
import io.camelconnectly.component.connectly.model.TemplateText;
import io.camelconnectly.component.connectly.model.UpdateWebhookRequest;
import io.camelconnectly.component.connectly.model.WebhookConfiguration;
import io.camelconnectly.component.connectly.model.WebhookFilter;
import io.camelconnectly.component.connectly.model.WebhookResponse;
import io.camelconnectly.component.connectly.model.WhatsAppQualitySignals;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

class OperationsProducerTest extends ConnectlyTestSupport {

    @Test
    void sendCampaignWithEntriesAndAllowDuplicates() throws Exception {
        server.on("/send/campaigns", reply(200, fixture("campaign-sendout-response.json")));
        List<CampaignEntry> entries = List.of(
                new CampaignEntry().withClient("+16045550123").withVariables(Map.of("first_name", "Ana", "product", "Trail Shoe X")),
                new CampaignEntry().withClient("+1 604 555 0177").withVariables(Map.of("first_name", "Ravi", "product", "Trail Shoe X")));

        Exchange exchange = send("connectly:sendCampaign?campaignName=spring_restock_alert&allowDuplicates=true", entries);

        assertThat(exchange.getException()).isNull();
        Recorded request = server.last();
        assertThat(request.method).isEqualTo("POST");
        assertThat(request.path).isEqualTo(BUSINESS_PATH + "/send/campaigns");
        assertThat(request.header("X-API-Key")).isEqualTo(API_KEY);
        assertThat(request.json()).isEqualTo(json(fixture("campaign-sendout-request.json")));
        CampaignSendoutResponse response = exchange.getMessage().getBody(CampaignSendoutResponse.class);
        assertThat(response.getData()).singleElement().satisfies(result -> {
            assertThat(result.getStatus()).isEqualTo("created");
            assertThat(result.getAcceptedCount()).isEqualTo(2);
            assertThat(result.getSendoutId()).isEqualTo("b52e6f10-93c7-4d2a-8f1e-6c4b3a29d870");
        });
    }

    @Test
    void sendCampaignToOneRecipientWithVariablesAndHeaderOverrides() throws Exception {
        server.on("/send/campaigns", reply(200, fixture("campaign-sendout-response.json")));
        send("connectly:sendCampaign?campaignName=ignored&recipient=%2B16045550123&allowDuplicates=true",
                Map.of("first_name", "Ana"), ConnectlyConstants.CAMPAIGN_NAME, "spring_restock_alert",
                ConnectlyConstants.ALLOW_DUPLICATES, false);

        assertThat(server.last().json()).isEqualTo(json(
                "{\"entries\":[{\"client\":\"+16045550123\",\"campaignName\":\"spring_restock_alert\","
                                                         + "\"variables\":{\"first_name\":\"Ana\"}}]}"));

        Exchange noName = send("connectly:sendCampaign?recipient=%2B16045550123", null);
        assertThat(noName.getException()).isInstanceOf(ConnectlyValidationException.class);
        assertThat(((ConnectlyValidationException) noName.getException()).getField()).isEqualTo("campaignName");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void getTemplatesGivesStatusAndRejectionReason() {
        server.on("/get/templates", reply(200, TemplatedMessageProducerTest.TEMPLATES));
        Exchange exchange = send("connectly:getTemplates", "ignored body");

        assertThat(server.last().method).isEqualTo("POST");
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/get/templates");
        assertThat(server.last().body).isEmpty();
        GetTemplatesResponse templates = exchange.getMessage().getBody(GetTemplatesResponse.class);
        MessageTemplate spanish = templates.findTemplate("order_shipped_v2", "es").orElseThrow();
        assertThat(spanish.getStatus()).isEqualTo(MessageTemplate.STATUS_REJECTED);
        assertThat(spanish.getRejectionReason()).isEqualTo("INVALID_FORMAT");
        assertThat(spanish.isApproved()).isFalse();
        assertThat(templates.findTemplate("order_shipped_v2", "EN_us")).get().satisfies(t -> assertThat(t.isApproved()).isTrue());
        assertThat(templates.findTemplate("order_shipped_v2", "de")).isEmpty();
        assertThat(templates.languagesOf("order_shipped_v2")).containsExactly("en_US", "es");
    }

    @Test
    void createTemplate() throws Exception {
        server.on("/create/template", reply(200, "{\"entity\":{\"id\":\"g1\",\"name\":\"order_confirmation\",\"templates\":[{\"id\":\"t1\","
                                                 + "\"language\":{\"code\":\"en_US\"},\"status\":\"MESSAGE_TEMPLATE_STATUS_PENDING\","
                                                 + "\"rejectionReason\":null}]}}"));
        CreateTemplateRequest request = new CreateTemplateRequest().withName("order_confirmation")
                .withLanguage(new TemplateLanguage("en_US")).withCategory(CreateTemplateRequest.CATEGORY_UTILITY)
                .withTemplateComponents(List.of(new TemplateComponent().withBody(new TemplateBody().withText(
                        new TemplateText("Hi {{1}}, order {{2}} is confirmed.").withExample(List.of("Ana", "A-1001"))))));

        Exchange exchange = send("connectly:createTemplate", request);

        assertThat(server.last().method).isEqualTo("POST");
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/create/template");
        assertThat(server.last().json()).isEqualTo(json(
                "{\"name\":\"order_confirmation\",\"language\":{\"code\":\"en_US\"},\"category\":\"MESSAGE_TEMPLATE_GROUP_CATEGORY_UTILITY\","
                                                         + "\"template_components\":[{\"body\":{\"text\":{\"text\":\"Hi {{1}}, order {{2}} is confirmed.\","
                                                         + "\"example\":[\"Ana\",\"A-1001\"]}}}]}"));
        CreateTemplateResponse response = exchange.getMessage().getBody(CreateTemplateResponse.class);
        assertThat(response.getEntity().getTemplates().get(0).getStatus()).isEqualTo(MessageTemplate.STATUS_PENDING);

        Exchange badName = send("connectly:createTemplate", "{\"name\":\"Order Confirmation\",\"language\":{\"code\":\"en\"}}");
        assertThat(badName.getException()).isInstanceOf(ConnectlyValidationException.class)
                .hasMessageContaining("lower-case letters, digits and _");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void getQualitySignalsKeepsUnknownValues() {
        server.on("/get/quality_signals", reply(200, "{\"entity\":{\"signals\":[{\"whatsappQualitySignals\":{\"phoneNumber\":\"+16501234567\","
                                                     + "\"wabaId\":\"649852411234567\",\"messagesLimitTier\":\"WHATS_APP_MESSAGE_LIMIT_TIER_250K\","
                                                     + "\"qualityScore\":\"WHATS_APP_QUALITY_SCORE_FLAGGED\",\"newField\":1}}]}}"));
        Exchange exchange = send("connectly:getQualitySignals", null);

        assertThat(server.last().method).isEqualTo("GET");
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/get/quality_signals");
        WhatsAppQualitySignals signals = exchange.getMessage().getBody(QualitySignalsResponse.class).whatsappSignals().get(0);
        assertThat(signals.getMessagesLimitTier()).isEqualTo("WHATS_APP_MESSAGE_LIMIT_TIER_250K");
        assertThat(signals.getQualityScore()).isEqualTo("WHATS_APP_QUALITY_SCORE_FLAGGED");
        assertThat(signals.qualityLevel()).isEqualTo(WhatsAppQualitySignals.QualityLevel.UNKNOWN);
        assertThat(signals.getPhoneNumber()).isEqualTo("+16501234567");
    }

    @Test
    void webhookRegistrationLifecycle() throws Exception {
        server.on("/create/webhooks", reply(200, "{\"entity\":{\"id\":\"wh_1\",\"topic\":\"messages\",\"address\":\"https://example.com/hook\"}}"));
        server.on("/webhooks", reply(200, "{\"entity\":{\"businessId\":\"" + BUSINESS_ID + "\",\"webhooks\":[{\"id\":\"wh_1\","
                                          + "\"topic\":\"messages\",\"address\":\"https://example.com/hook\",\"configuration\":{\"echo\":false,"
                                          + "\"channelTypes\":[\"whatsapp\"],\"filters\":[]}}]}}"));
        server.on("/update/webhooks/wh_1", reply(200, "{\"id\":\"wh_1\",\"topic\":\"messages\",\"address\":\"https://example.com/hook2\"}"));
        server.on("/delete/webhooks/wh_1", reply(200, "{}"));

        CreateWebhookRequest create = new CreateWebhookRequest().withTopic("messages").withAddress("https://example.com/hook")
                .withConfiguration(new WebhookConfiguration().withEcho(false).withChannelTypes(List.of("whatsapp"))
                        .withFilters(List.of(new WebhookFilter("campaign_name", "prod-*"))));
        Exchange created = send("connectly:createWebhook", create);
        assertThat(server.last().method).isEqualTo("POST");
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/create/webhooks");
        assertThat(server.last().json()).isEqualTo(json("{\"topic\":\"messages\",\"address\":\"https://example.com/hook\","
                                                        + "\"configuration\":{\"echo\":false,\"channelTypes\":[\"whatsapp\"],"
                                                        + "\"filters\":[{\"field\":\"campaign_name\",\"expression\":\"prod-*\"}]}}"));
        assertThat(created.getMessage().getBody(WebhookResponse.class).webhook().getId()).isEqualTo("wh_1");

        Exchange listed = send("connectly:getWebhooks", null);
        assertThat(server.last().method).isEqualTo("GET");
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/webhooks");
        assertThat(listed.getMessage().getBody(GetWebhooksResponse.class).webhooks()).singleElement()
                .satisfies(w -> assertThat(w.getConfiguration().getChannelTypes()).containsExactly("whatsapp"));

        Exchange updated = send("connectly:updateWebhook?webhookId=ignored",
                new UpdateWebhookRequest().withAddress("https://example.com/hook2"), ConnectlyConstants.WEBHOOK_ID, "wh_1");
        assertThat(server.last().method).isEqualTo("PUT");
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/update/webhooks/wh_1");
        assertThat(server.last().json()).isEqualTo(json("{\"address\":\"https://example.com/hook2\"}"));
        assertThat(updated.getMessage().getBody(WebhookResponse.class).webhook().getAddress()).isEqualTo("https://example.com/hook2");

        Exchange deleted = send("connectly:deleteWebhook?webhookId=wh_1", null);
        assertThat(server.last().method).isEqualTo("DELETE");
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/delete/webhooks/wh_1");
        assertThat(server.last().body).isEmpty();
        assertThat(deleted.getMessage().getBody(DeleteWebhookResponse.class).getWebhookId()).isEqualTo("wh_1");
        assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertThat(r.header("X-API-Key")).isEqualTo(API_KEY));
    }

    @Test
    void webhookRequestsAreValidated() {
        Exchange badTopic = send("connectly:createWebhook", Map.of("topic", "orders", "address", "https://example.com/h"));
        assertThat(badTopic.getException()).hasMessageContaining("topic 'orders' is invalid: allowed: messages, delivery_status");
        Exchange plainHttp = send("connectly:createWebhook", "{\"topic\":\"messages\",\"address\":\"http://example.com/h\"}");
        assertThat(plainHttp.getException()).hasMessageContaining("HTTPS only");
        Exchange noId = send("connectly:deleteWebhook", null);
        assertThat(noId.getException()).isInstanceOf(ConnectlyValidationException.class).hasMessageContaining("webhookId");
        Exchange noBody = send("connectly:createWebhook", null);
        assertThat(noBody.getException()).hasMessageContaining("createWebhook needs a CreateWebhookRequest");
        assertThat(server.requests()).isEmpty();

        server.on("/create/webhooks", reply(200, "{\"entity\":{\"id\":\"wh_2\"}}"));
        Exchange loopback = send("connectly:createWebhook", "{\"topic\":\"delivery_status\",\"address\":\"http://localhost:8080/h\"}");
        assertThat(loopback.getException()).isNull();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void operationHeaderOverridesThePath() {
        server.on("/webhooks", reply(200, "{\"entity\":{\"webhooks\":[]}}"));
        Exchange exchange = send("connectly:sendMessage?recipient=%2B16045550123", "hi", ConnectlyConstants.OPERATION, "getWebhooks");

        assertThat(exchange.getException()).isNull();
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/webhooks");
        assertThat(exchange.getMessage().getBody(GetWebhooksResponse.class).webhooks()).isEmpty();

        Exchange unknown = send("connectly:sendMessage", "hi", ConnectlyConstants.OPERATION, "sendFax");
        assertThat(unknown.getException()).hasMessageContaining("unknown operation 'sendFax'").hasMessageContaining("sendMessage");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void callsGoThroughTheConfiguredProxy() throws Exception {
        // the recording server plays the proxy: an absolute-form request for a host that does not resolve
        java.net.URI proxy = java.net.URI.create(server.baseUrl());
        Exchange exchange = send("connectly:sendMessage?recipient=%2B16045550123&baseUrl=http://api.connectly.invalid"
                                 + "&proxyHost=" + proxy.getHost() + "&proxyPort=" + proxy.getPort(), "via proxy");

        assertThat(exchange.getException()).isNull();
        assertThat(server.last().path).isEqualTo(BUSINESS_PATH + "/send/messages");
        assertThat(server.last().header("Host")).isEqualTo("api.connectly.invalid");
        assertThat(server.last().header("X-API-Key")).isEqualTo(API_KEY);
    }
}
