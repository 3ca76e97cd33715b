package io.camelconnectly.component.connectly;

import java.util.ArrayList;
import java.util.List;

import io.camelconnectly.component.connectly.model.CampaignSendoutResponse;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.GetWebhooksResponse;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers a route logs with {@code .log("${body}")} read as what they say, bounded in length, with credentials
 * masked.
 */
class ResponseToStringTest extends ConnectlyTestSupport {

    @Test
    void aSendAnswerPrintsItsId() {
        server.on("/send/messages", reply(200, "{\"id\":\"01HZX4Q7M2K9T3V8B6N1C5D0RA\"}"));

        Exchange exchange = send("connectly:sendMessage?recipient=%2B16045550123", "hi");

        assertThat(exchange.getMessage().getBody(SendMessageResponse.class))
                .hasToString("SendMessageResponse[id=01HZX4Q7M2K9T3V8B6N1C5D0RA]");
    }

    @Test
    void templatesAreListedByNameLanguageAndStatusAtMostTen() throws Exception {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            groups.add("{\"name\":\"t" + i + "\",\"templates\":[{\"language\":{\"code\":\"en\"},\"status\":"
                       + "\"MESSAGE_TEMPLATE_STATUS_APPROVED\",\"templateComponents\":[{\"body\":{\"text\":{\"text\":"
                       + "\"A long private template text\"}}}]}]}");
        }
        GetTemplatesResponse templates = ConnectlyJson.mapper().readValue(
                "{\"entity\":{\"templateGroups\":[" + String.join(",", groups) + "]}}", GetTemplatesResponse.class);

        assertThat(templates.toString()).startsWith("GetTemplatesResponse[12 templates: [t0 [en APPROVED], t1 [en APPROVED]")
                .endsWith("... 2 more]]").doesNotContain("private template text");
    }

    @Test
    void webhookAddressesAreMaskedAndTheirConfigurationLeftOut() throws Exception {
        GetWebhooksResponse webhooks = ConnectlyJson.mapper().readValue(
                "{\"entity\":{\"webhooks\":[{\"id\":\"wh_1\",\"topic\":\"messages\","
                + "\"address\":\"https://ops:pw_SECRET@example.com/hook?token=tk_SECRET\","
                + "\"configuration\":{\"webengageConfiguration\":{\"apiKey\":\"we_SECRET\"}}}]}}",
                GetWebhooksResponse.class);

        assertThat(webhooks.toString()).contains("id=wh_1", "topic=messages", "example.com/hook").doesNotContain("SECRET");
    }

    @Test
    void campaignOutcomesShowTheirCounts() throws Exception {
        CampaignSendoutResponse response = ConnectlyJson.mapper().readValue(fixture("campaign-sendout-response.json"),
                CampaignSendoutResponse.class);

        assertThat(response.toString()).startsWith("CampaignSendoutResponse[data=[CampaignSendoutResult[")
                .contains("sendoutId=b52e6f10-93c7-4d2a-8f1e-6c4b3a29d870", "status=created", "acceptedCount=2");
    }
}
