package io.camelconnectly.component.connectly;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A baseUrl copied with the business path (as the simulator's banner shows it) is refused at start, not sent doubled. */
class BaseUrlValidationTest {

    @Test
    void baseUrlWithTheBusinessPathIsRefusedAtStartWithWhatToSetInstead() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("connectly:sendMessage?apiKey=k&businessId=biz-1"
                                           + "&baseUrl=http://127.0.0.1:8089/v1/businesses/biz-1/");
                }
            });
            assertThatThrownBy(context::start).isInstanceOf(FailedToStartRouteException.class)
                    .rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Option baseUrl 'http://127.0.0.1:8089/v1/businesses/biz-1/'")
                    .hasMessageContaining("Set baseUrl to http://127.0.0.1:8089")
                    .hasMessageContaining("businessId to biz-1");
        }
    }

    @Test
    void baseUrlEndingWithTheApiVersionIsRefusedToo() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("connectly:getTemplates?apiKey=k&businessId=biz-1&baseUrl=https://api.connectly.ai/v1");
                }
            });
            assertThatThrownBy(context::start).rootCause()
                    .hasMessageContaining("Set baseUrl to https://api.connectly.ai");
        }
    }

    @Test
    void aBaseUrlWithAPathPrefixOfAGatewayIsKept() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("connectly:getTemplates?apiKey=k&businessId=biz-1&baseUrl=https://gateway.example/connectly");
                }
            });
            context.start();
            assertThat(context.getEndpoints()).anyMatch(e -> e instanceof ConnectlyEndpoint);
        }
    }
}
