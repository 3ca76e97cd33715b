package io.camelconnectly.component.connectly;

import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

class JmxProducerTest extends ConnectlyTestSupport {

    private static final String URI_KEY = "ck_uri_SECRET_jmx_91ab";
    private static final String URI = "connectly:sendMessage?apiKey=RAW(" + URI_KEY + ")&recipient=%2B16045550123";

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Override
    protected org.apache.camel.builder.RouteBuilder createRouteBuilder() {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // endpoints of routes are registered in JMX (those made on the fly by a template are not, by default)
                from("direct:send").to(URI);
            }
        };
    }

    @Test
    void countersAreEndpointAttributesAndTheKeyIsMasked() throws Exception {
        server.on("/send/messages", reply(429, "{}").header("Retry-After", "0"), reply(200, "{\"id\":\"m1\"}"));
        assertThat(send("direct:send", "hello").getException()).isNull();
        assertThat(send("direct:send", "").getException()).isNotNull();

        MBeanServer mbeans = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        ObjectName endpoint = names.stream().filter(n -> n.toString().contains("connectly")).findFirst().orElseThrow();

        assertThat(endpoint.toString()).doesNotContain(URI_KEY);
        assertThat((String) mbeans.getAttribute(endpoint, "EndpointUri")).doesNotContain(URI_KEY).contains("sendMessage");
        assertThat(mbeans.getAttribute(endpoint, "ProducerSucceeded")).isEqualTo(1L);
        assertThat(mbeans.getAttribute(endpoint, "ProducerRetries")).isEqualTo(1L);
        assertThat(mbeans.getAttribute(endpoint, "ProducerRateLimited")).isEqualTo(1L);
        assertThat(mbeans.getAttribute(endpoint, "ProducerRejectedByValidation")).isEqualTo(1L);
        assertThat(mbeans.getAttribute(endpoint, "ProducerFailed")).isEqualTo(0L);
        // the 429 (Retry-After: 0) made one call wait to retry, and none waits any more
        assertThat(mbeans.getAttribute(endpoint, "ProducerWaitingPeak")).isEqualTo(1);
        assertThat(mbeans.getAttribute(endpoint, "ProducerWaiting")).isEqualTo(0);
        assertThat(mbeans.getAttribute(endpoint, "ProducerWaitingFull")).isEqualTo(0L);
        assertThat(mbeans.getAttribute(endpoint, "ProducerHeldOff")).isEqualTo(0L);
        for (var attribute : mbeans.getMBeanInfo(endpoint).getAttributes()) {
            Object value = mbeans.getAttribute(endpoint, attribute.getName());
            assertThat(String.valueOf(value)).as(attribute.getName()).doesNotContain(URI_KEY);
        }
        mbeans.invoke(endpoint, "resetProducerCounters", null, null);
        assertThat(mbeans.getAttribute(endpoint, "ProducerSucceeded")).isEqualTo(0L);
    }
}
