package io.camelconnectly.component.connectly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java DSL routes of README.md ("Add it to your application"), verbatim (checked against the README), and its YAML
 * route, read from the README itself, against the simulator: what a newcomer copies must work. The component is
 * configured only from what the README shows: its application.properties (the simulator's base URL as the value of
 * base-url) and the CONNECTLY_API_KEY variable.
 */
class ReadmeExamplesTest extends CamelTestSupport {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .businessId(ReadmeSnippets.applicationProperties().get("camel.component.connectly.business-id")));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("connectly", ReadmeSnippets.component(context,
                Map.of("camel.component.connectly.base-url", SIM.baseUrl()),
                Map.of(ConnectlyComponent.ENV_API_KEY, SIM.apiKey())));
        return context;
    }

    @Test
    void theJavaRoutesHereAreTheReadmesVerbatim() {
        ReadmeSnippets.assertVerbatimInReadme(ReadmeExamplesTest.class, "Java DSL");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // ---- README: Java DSL (verbatim from here)
                from("direct:order-shipped")                      // body: a Map with phone, name and orderId
                    .process(exchange -> {
                        Map<?, ?> order = exchange.getMessage().getBody(Map.class);
                        exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, order.get("phone"));
                        exchange.getMessage().setHeader(ConnectlyConstants.TEMPLATE_PARAMETERS,
                                Map.of("body_1", order.get("name"), "body_2", order.get("orderId")));
                        exchange.getMessage().setHeader(ConnectlyConstants.CALLBACK_DATA, Map.of("orderId", order.get("orderId")));
                    })
                    // a template may start a conversation; its parameters are checked against the template before sending
                    .to("connectly:sendTemplatedMessage?templateName=order_shipped&language=en")
                    .log("Sent message ${header.CamelConnectlyMessageId}");

                from("direct:reply")                              // body: the text; header CamelConnectlyRecipient: the customer
                    // a session message inside the customer's 24-hour window, the approved welcome template outside it
                    .to("connectly:sendMessage?fallbackTemplateName=welcome&fallbackLanguage=en")
                    .log("Sent as ${header.CamelConnectlySentAs}: ${header.CamelConnectlyMessageId}");
                // ---- README: end
            }
        };
    }

    @Test
    void orderShippedSendsTheTemplateWithItsParametersAndCallbackData() {
        Exchange result = template.send("direct:order-shipped", exchange -> exchange.getMessage()
                .setBody(Map.of("phone", "+16045550150", "name", "Ana", "orderId", "A-1001")));

        assertThat(result.getException()).isNull();
        String id = result.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class);
        assertThat(id).isNotBlank();
        List<ChatMessage> conversation = SIM.get().conversation("+16045550150");
        assertThat(conversation).hasSize(1);
        assertThat(conversation.get(0).id()).isEqualTo(id);
        assertThat(conversation.get(0).kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(conversation.get(0).text()).contains("Ana").contains("A-1001");
        assertThat(conversation.get(0).callbackData().path("orderId").asText()).isEqualTo("A-1001");
    }

    @Test
    void replyIsASessionMessageInsideTheWindow() {
        SIM.get().customer("+16045550151").sendsText("Where is my parcel?");

        Exchange result = template.send("direct:reply", exchange -> {
            exchange.getMessage().setBody("It left our warehouse today.");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, "+16045550151");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("session");
        ChatMessage last = lastOutbound("+16045550151");
        assertThat(last.kind()).isEqualTo(ChatMessage.Kind.TEXT);
        assertThat(last.text()).isEqualTo("It left our warehouse today.");
    }

    @Test
    void replyFallsBackToTheWelcomeTemplateWhenTheWindowIsClosed() {
        Exchange result = template.send("direct:reply", exchange -> {
            exchange.getMessage().setBody("Hello again");
            exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, "+16045550152");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        ChatMessage last = lastOutbound("+16045550152");
        assertThat(last.kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(result.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class)).isEqualTo(last.id());
    }

    @Test
    void yamlRouteOfTheReadmeFallsBackToTheTemplateThenSendsSessionMessages() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Add it to your application"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = section.substring(start, section.indexOf("```", start));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("readme.yaml", yaml));

        // the customer never wrote: outside the window, so the template goes out
        Exchange first = template.send("direct:yaml-send", exchange -> exchange.getMessage().setBody("Your parcel is on its way"));
        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("template");
        assertThat(lastOutbound("+16045550123").kind()).isEqualTo(ChatMessage.Kind.TEMPLATE);
        assertThat(lastOutbound("+16045550123").text()).contains("Ana").contains("A-1001");

        // once the customer has written, the same route sends a session message
        SIM.get().customer("+16045550123").sendsText("Thanks!");
        Exchange second = template.send("direct:yaml-send", exchange -> exchange.getMessage().setBody("You're welcome"));
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(ConnectlyConstants.SENT_AS)).isEqualTo("session");
        assertThat(lastOutbound("+16045550123").kind()).isEqualTo(ChatMessage.Kind.TEXT);
        assertThat(lastOutbound("+16045550123").text()).isEqualTo("You're welcome");
    }

    private static ChatMessage lastOutbound(String customer) {
        List<ChatMessage> outbound = SIM.get().conversation(customer).stream().filter(ChatMessage::outbound).toList();
        assertThat(outbound).as("messages sent to " + customer).isNotEmpty();
        return outbound.get(outbound.size() - 1);
    }
}
