package io.camelconnectly.routes;

import java.time.Duration;

import io.camelconnectly.component.connectly.ConnectlyComponent;
import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** connectly-source registering its own address with Connectly on start, with the credentials given to the Kamelet. */
class ConnectlySourceRegistrationTest extends RoutesTestSupport {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(quickSimulator());

    @Override
    protected ConnectlySimulatorExtension sim() {
        return SIM;
    }

    @Test
    void itRegistersWebhookExternalUrlForItsTopicsAndReceivesThere() throws Exception {
        // the component's key is wrong: registration works only with the Kamelet's own parameters
        context.getComponent("connectly", ConnectlyComponent.class).getConfiguration().setApiKey("not-the-key");
        loadYaml("registering-source", """
                - route:
                    id: registering-source
                    from:
                      uri: kamelet:connectly-source
                      parameters:
                        webhookSecret: "{{connectly.webhook-secret}}"
                        topics: messages
                        webhookAutoRegister: true
                        webhookExternalUrl: "%s/connectly/webhook"
                        apiKey: "{{connectly.api-key}}"
                        businessId: "{{connectly.business-id}}"
                        baseUrl: "{{connectly.base-url}}"
                      steps:
                        - to: mock:customers
                """.formatted(baseUrl()));

        assertThat(SIM.requests()).filteredOn(request -> request.path().endsWith("/create/webhooks")).singleElement()
                .satisfies(request -> {
                    assertThat(request.status()).isEqualTo(200);
                    assertThat(request.body()).contains("\"topic\":\"messages\"").contains(baseUrl() + "/connectly/webhook");
                });
        SIM.customer("+16045550751").sendsText("Hello?");

        MockEndpoint customers = getMockEndpoint("mock:customers");
        await().atMost(Duration.ofSeconds(20)).until(() -> customers.getReceivedCounter() == 1);
        assertThat(customers.getReceivedExchanges().get(0).getMessage().getHeader(ConnectlyConstants.CUSTOMER_NUMBER))
                .isEqualTo("+16045550751");
    }
}
