package io.camelconnectly.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.camelconnectly.component.connectly.model.SendMessageResponse;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The producer benchmark's measured application, in its own JVM: a Camel Main application configured as a user does
 * ({@code camel.component.connectly.*} properties) that sends session messages with a text body through
 * {@code ProducerTemplate.asyncRequestBody}.
 * <p>
 * Usage: {@code CamelSenderApp BASE_URL VIA THREADED_ASYNC_MODE}, where VIA is
 * <ul>
 * <li>{@code uri}: {@code template.asyncRequestBody("connectly:sendMessage?recipient=+16045550123", text)} (the URI is
 * resolved by Camel on every call, as it is in application code that passes a String);</li>
 * <li>{@code endpoint}: the same with the Endpoint resolved once;</li>
 * <li>{@code route}: {@code template.asyncRequestBody("direct:send", text)} to a route
 * {@code from("direct:send").to("connectly:sendMessage?recipient=+16045550123")};</li>
 * <li>{@code producer}: no ProducerTemplate, the endpoint's AsyncProducer called with a new exchange (what users do not
 * write; it isolates the component's own cost from Camel's);</li>
 * <li>{@code plain}: {@code template.asyncRequestBody(endpoint, text)} to a benchmark-only {@link PlainHttpEndpoint}
 * that makes the bare client's request: the ProducerTemplate's cost alone, with a component that costs nothing.</li>
 * </ul>
 * THREADED_ASYNC_MODE is {@code ProducerTemplate.setThreadedAsyncMode}: Camel's default ({@code true}) hands every
 * async send to the template's thread pool. Then the commands of {@link ClosedLoop#serve}.
 */
public final class CamelSenderApp {

    static final String RECIPIENT = "+16045550123";
    static final String TEXT = "Hi Ana, your parcel A-1001 left our warehouse today.";
    /** As users write it: the + decodes to a space and the component normalises the number. */
    private static final String SEND_URI = "connectly:sendMessage?recipient=" + RECIPIENT;

    private CamelSenderApp() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String via = args[1];
        boolean threadedAsyncMode = Boolean.parseBoolean(args[2]);

        Main main = new Main();
        main.addInitialProperty("camel.main.name", "connectly-producer-benchmark");
        main.addInitialProperty("camel.component.connectly.api-key", ConnectlyStandIn.API_KEY);
        main.addInitialProperty("camel.component.connectly.business-id", ConnectlyStandIn.BUSINESS_ID);
        main.addInitialProperty("camel.component.connectly.base-url", baseUrl);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(SEND_URI);
            }
        });
        main.start();
        ProducerTemplate template = main.getCamelTemplate();
        template.setThreadedAsyncMode(threadedAsyncMode);
        Endpoint endpoint = main.getCamelContext().getEndpoint(SEND_URI);
        ClosedLoop.Sender sender = switch (via) {
            case "uri" -> viaTemplate(text -> template.asyncRequestBody(SEND_URI, text), SendMessageResponse.class);
            case "endpoint" -> viaTemplate(text -> template.asyncRequestBody(endpoint, text), SendMessageResponse.class);
            case "route" -> viaTemplate(text -> template.asyncRequestBody("direct:send", text), SendMessageResponse.class);
            case "producer" -> viaProducer(endpoint);
            case "plain" -> {
                Endpoint plain = new PlainHttpEndpoint(main.getCamelContext(), new BareRequest(baseUrl));
                yield viaTemplate(text -> template.asyncRequestBody(plain, text), byte[].class);
            }
            default -> throw new IllegalArgumentException(
                    "via " + via + " is unknown; allowed: uri, endpoint, route, producer, plain");
        };

        ChildCommands common = new ChildCommands();
        Protocol.reply("ready", Map.of("side", "camel", "via", via, "threadedAsyncMode", threadedAsyncMode));
        ClosedLoop.serve(sender, common);
        main.stop();
    }

    private static ClosedLoop.Sender viaTemplate(Function<String, CompletableFuture<Object>> send, Class<?> answerType) {
        return done -> send.apply(TEXT)
                .whenComplete((answer, error) -> done.complete(error == null && answerType.isInstance(answer)));
    }

    private static ClosedLoop.Sender viaProducer(Endpoint endpoint) throws Exception {
        AsyncProducer producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        return done -> {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(TEXT);
            producer.process(exchange, doneSync -> done.complete(
                    exchange.getException() == null && exchange.getMessage().getBody() instanceof SendMessageResponse));
        };
    }
}
