package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_3_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.bytes;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML DSL route of README.md ("Receiving webhooks"), read from the README itself and run as it is, with the
 * secret from a property placeholder. The README route only logs, so what it did is read from the route's
 * statistics, the endpoint's counters and its log lines.
 */
class ConnectlyWebhookYamlTest extends WebhookHttpTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        // route statistics (ManagedCamelContext)
        testExecutionConfiguration.withEnableJMX();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // README's application.properties (no value replaced) and its CONNECTLY_WEBHOOK_SECRET
        context.addComponent("connectly", ReadmeSnippets.component(context, Map.of(),
                Map.of(ConnectlyComponent.ENV_WEBHOOK_SECRET, SECRET)));
        return context;
    }

    static String readmeWebhookYaml() {
        return ReadmeSnippets.block(ReadmeSnippets.section("## Receiving webhooks"), "### YAML DSL", "yaml");
    }

    @Test
    void theReadmeYamlRouteReceivesVerifiedEvents() throws Exception {
        String yaml = readmeWebhookYaml();
        assertThat(yaml).contains("connectly:webhook").doesNotContain("{{");
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("connectly-events.yaml", yaml));

        HttpResponse<String> status;
        HttpResponse<String> text;
        try (StandardErrorCapture log = StandardErrorCapture.start()) {
            status = post("/connectly/webhook", bytes("webhook-delivery-delivered.json"), VECTOR_3_SIGNATURE);
            text = post("/connectly/webhook", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE);

            // each event took its branch of the choice
            assertThat(log.text())
                    .contains("Message 01HZX4Q7M2K9T3V8B6N1C5D0RA is delivered")
                    .contains("Customer wrote a text message");
        }

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).isEqualTo("{\"status\":\"processed\"}");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).isEqualTo("{\"status\":\"processed\"}");

        ManagedRouteMBean route = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("connectly-events");
        assertThat(route).as("the README route, by its id").isNotNull();
        assertThat(route.getExchangesCompleted()).isEqualTo(2);
        assertThat(route.getExchangesFailed()).isZero();
        ConnectlyEndpoint endpoint = (ConnectlyEndpoint) context.getRoute("connectly-events").getEndpoint();
        assertThat(endpoint.getWebhooksVerified()).isEqualTo(2);
        assertThat(endpoint.getWebhooksProcessed()).isEqualTo(2);
        assertThat(endpoint.getWebhooksRejected()).isZero();
    }
}
