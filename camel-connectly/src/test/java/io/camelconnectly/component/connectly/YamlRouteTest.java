package io.camelconnectly.component.connectly;

import io.camelconnectly.component.connectly.model.SendMessageResponse;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

class YamlRouteTest extends ConnectlyTestSupport {

    @BeforeEach
    void loadYamlRoute() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:routes/connectly-send.yaml"));
    }

    @Test
    void yamlRouteSendsTheSessionMessage() throws Exception {
        Exchange exchange = send("direct:yaml-send", "Your order has shipped.");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo(RecordingHttpServer.DEFAULT_MESSAGE_ID);
        assertThat(exchange.getMessage().getBody()).isInstanceOf(SendMessageResponse.class);
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.path).isEqualTo(BUSINESS_PATH + "/send/messages");
            assertThat(r.header("X-API-Key")).isEqualTo(API_KEY);
            assertThat(r.json()).isEqualTo(json("{\"sender\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\"},"
                                                + "\"recipient\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\"},"
                                                + "\"message\":{\"text\":\"Your order has shipped.\"}}"));
        });
    }

    @Test
    void yamlRouteFallsBackToATemplateOutsideTheWindow() throws Exception {
        server.on("/send/messages", reply(400, fixture("error-outside-window.json")));
        server.on("/send/whatsapp_templated_messages", reply(200, "{\"id\":\"tmpl-9\"}"));

        Exchange exchange = send("direct:yaml-send", "Your order has shipped.");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo("tmpl-9");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.last().json()).isEqualTo(json("{\"number\":\"+16045550123\",\"templateName\":\"order_shipped_v2\","
                                                        + "\"language\":\"en_US\",\"parameters\":[{\"name\":\"body_1\",\"value\":\"Ana\"}]}"));
    }
}
