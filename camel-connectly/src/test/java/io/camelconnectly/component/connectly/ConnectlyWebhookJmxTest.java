package io.camelconnectly.component.connectly;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.COMPACT_INBOUND_TEXT;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.NEGATIVE_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.VECTOR_1_SIGNATURE;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook counters as JMX attributes of the endpoint MBean, as Hawtio or Jolokia read them. */
class ConnectlyWebhookJmxTest extends WebhookHttpTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?webhookPath=/jmx&webhookSecret=" + SECRET).to("mock:jmx");
            }
        };
    }

    @Test
    void exposesTheCountersAsEndpointAttributesWithoutTheSecret() throws Exception {
        assertThat(post("/jmx", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE).statusCode()).isEqualTo(200);
        assertThat(post("/jmx", utf8(COMPACT_INBOUND_TEXT), VECTOR_1_SIGNATURE).statusCode()).isEqualTo(200);
        assertThat(post("/jmx", utf8(COMPACT_INBOUND_TEXT), NEGATIVE_SIGNATURE).statusCode()).isEqualTo(401);

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",type=endpoints,*"), null);
        ObjectName endpoint = names.stream().filter(n -> n.getKeyProperty("name").contains("connectly")).findFirst()
                .orElseThrow(() -> new AssertionError("no connectly endpoint MBean among " + names));

        assertThat(server.getAttribute(endpoint, "WebhooksReceived")).isEqualTo(3L);
        assertThat(server.getAttribute(endpoint, "WebhooksVerified")).isEqualTo(2L);
        assertThat(server.getAttribute(endpoint, "WebhooksProcessed")).isEqualTo(1L);
        assertThat(server.getAttribute(endpoint, "WebhooksDuplicates")).isEqualTo(1L);
        assertThat(server.getAttribute(endpoint, "WebhooksRejectedSignature")).isEqualTo(1L);
        assertThat(server.getAttribute(endpoint, "WebhooksRejected")).isEqualTo(1L);
        assertThat(server.getAttribute(endpoint, "WebhooksRouteFailures")).isEqualTo(0L);
        assertThat(endpoint.toString()).doesNotContain(SECRET);
        assertThat(String.valueOf(server.getAttribute(endpoint, "EndpointUri"))).doesNotContain(SECRET);
    }
}
