package io.camelconnectly.component.connectly;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints of one component that call the same Connectly account with the same transport settings share one HTTP
 * client and one template cache; each keeps its own options, retry policy and counters. The client closes with the
 * last endpoint that uses it.
 */
class SharedHttpClientTest extends ConnectlyTestSupport {

    private static final int TEMPLATE_COUNT = 20;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:templated").toD("connectly:sendTemplatedMessage?templateName=${header.tpl}&recipient=%2B16045550123");
            }
        };
    }

    private static String templates() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < TEMPLATE_COUNT; i++) {
            groups.add("{\"id\":\"t" + i + "\",\"name\":\"t" + i + "\",\"templates\":[{\"id\":\"" + i + "\",\"language\":{\"code\":\"en\"},"
                       + "\"status\":\"MESSAGE_TEMPLATE_STATUS_APPROVED\",\"templateComponents\":[{\"body\":{\"text\":{\"text\":\"Hi\"}}}]}]}");
        }
        return "{\"entity\":{\"templateGroups\":[" + String.join(",", groups) + "]}}";
    }

    @Test
    void twentyTemplateNamesThroughToDRunOnOneClientAndOneTemplateCache() throws Exception {
        server.on("/get/templates", reply(200, templates()));
        ConnectlyComponent component = context.getComponent("connectly", ConnectlyComponent.class);

        for (int i = 0; i < TEMPLATE_COUNT; i++) {
            assertThat(send("direct:templated", null, "tpl", "t" + i).getException()).isNull();
        }

        assertThat(context.getEndpoints().stream().filter(ConnectlyEndpoint.class::isInstance)).hasSize(TEMPLATE_COUNT);
        assertThat(component.getConnections().size()).isEqualTo(1);
        assertThat(server.requestsTo("/get/templates")).as("one template cache").hasSize(1);
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).hasSize(TEMPLATE_COUNT);
    }

    @Test
    void endpointsKeepTheirOwnRetryPolicyAndCountersAndOtherAccountsGetTheirOwnClient() throws Exception {
        ConnectlyComponent component = context.getComponent("connectly", ConnectlyComponent.class);
        ConnectlyEndpoint patient = context.getEndpoint("connectly:getTemplates?retryMaxAttempts=6", ConnectlyEndpoint.class);
        ConnectlyEndpoint hasty = context.getEndpoint("connectly:getTemplates?retryMaxAttempts=1", ConnectlyEndpoint.class);
        ConnectlyEndpoint otherAccount = context.getEndpoint("connectly:getTemplates?businessId=other-biz", ConnectlyEndpoint.class);
        ConnectlyEndpoint otherTimeout = context.getEndpoint("connectly:getTemplates?responseTimeout=5000", ConnectlyEndpoint.class);
        for (ConnectlyEndpoint endpoint : List.of(patient, hasty, otherAccount, otherTimeout)) {
            endpoint.start();
        }

        assertThat(component.getConnections().size()).isEqualTo(3);
        assertThat(patient.getClient().getRetryPolicy().getMaxAttempts()).isEqualTo(6);
        assertThat(hasty.getClient().getRetryPolicy().getMaxAttempts()).isEqualTo(1);
        assertThat(patient.getTemplateCatalog()).isSameAs(hasty.getTemplateCatalog()).isNotSameAs(otherAccount.getTemplateCatalog());

        server.on("/get/templates", reply(200, "{\"entity\":{\"templateGroups\":[]}}"));
        send("connectly:getTemplates?retryMaxAttempts=6", null);
        assertThat(patient.getProducerSucceeded()).isEqualTo(1);
        assertThat(hasty.getProducerSucceeded()).isZero();

        // the shared client stays open for the endpoint still using it, and closes with the last one
        hasty.stop();
        assertThat(component.getConnections().size()).isEqualTo(3);
        assertThat(send("connectly:getTemplates?retryMaxAttempts=6", null).getException()).isNull();
        patient.stop();
        assertThat(component.getConnections().size()).isEqualTo(2);
        otherAccount.stop();
        otherTimeout.stop();
        assertThat(component.getConnections().size()).isZero();
    }
}
