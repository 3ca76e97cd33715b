package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.util.Properties;

import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reply route of {@link EndToEndTest} written in the YAML DSL (routes/connectly-reply.yaml), against the simulator. */
class EndToEndYamlTest extends WebhookHttpTestSupport {

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension(EndToEndTest.simulatorSettings());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = EndToEndTest.connectlyProperties(sim);
        properties.setProperty("connectly.public-url", baseUrl());
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    @BeforeEach
    void loadYamlRoute() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:routes/connectly-reply.yaml"));
    }

    @Test
    void theYamlRouteRegistersItselfAndAnswersACustomer() {
        String customer = "+16045550401";
        assertThat(sim.get().requests()).filteredOn(r -> r.path().endsWith("/create/webhooks")).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));

        sim.customer(customer).named("Ana").sendsText("Is my order on its way?");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.get().conversation(customer))
                .extracting(ChatMessage::outbound, ChatMessage::text)
                .containsExactly(Tuple.tuple(false, "Is my order on its way?"),
                        Tuple.tuple(true, "Thanks Ana, we got: Is my order on its way?")));
        String replyId = sim.get().conversation(customer).get(1).id();
        // the statuses of the answer reach the route's log branch and are acknowledged
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.webhookDeliveries())
                .filteredOn(d -> d.body().contains(replyId))
                .extracting(WebhookDelivery::status)
                .containsExactly(200, 200, 200));
    }
}
