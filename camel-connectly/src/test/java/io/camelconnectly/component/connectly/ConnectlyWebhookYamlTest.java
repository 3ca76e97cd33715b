package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;
import java.util.Properties;

import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_3_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** The YAML DSL example of the README, with the secret from a property placeholder. */
class ConnectlyWebhookYamlTest extends WebhookHttpTestSupport {

    static final String README_YAML = """
            - route:
                id: connectly-events
                from:
                  uri: connectly:webhook
                  parameters:
                    webhookPath: /connectly/webhook
                    webhookSecret: "{{connectly.webhook-secret}}"
                  steps:
                    - choice:
                        when:
                          - simple: "${header.CamelConnectlyTopic} == 'delivery_status'"
                            steps:
                              - log: "Message ${header.CamelConnectlyMessageId} is ${header.CamelConnectlyEventType}"
                              - to: mock:statuses
                        otherwise:
                          steps:
                            - log: "Customer wrote a ${header.CamelConnectlyEventType} message"
                            - to: mock:inbound
            """;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("connectly.webhook-secret", SECRET);
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    @Test
    void theReadmeYamlRouteReceivesVerifiedEvents() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("connectly-events.yaml", README_YAML));
        MockEndpoint statuses = getMockEndpoint("mock:statuses");
        MockEndpoint inbound = getMockEndpoint("mock:inbound");
        statuses.expectedMessageCount(1);
        inbound.expectedMessageCount(1);

        HttpResponse<String> status = post("/connectly/webhook", bytes("webhook-delivery-delivered.json"), VECTOR_3_SIGNATURE);
        HttpResponse<String> text = post("/connectly/webhook", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(text.statusCode()).isEqualTo(200);
        MockEndpoint.assertIsSatisfied(context);
        assertThat(statuses.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(DeliveryStatusEvent.class);
    }
}
