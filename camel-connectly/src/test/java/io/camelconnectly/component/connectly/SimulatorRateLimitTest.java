package io.camelconnectly.component.connectly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelconnectly.component.connectly.client.ConnectlyRateLimitedException;
import io.camelconnectly.simulator.ChatMessage;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's rate limit (1 send per second here) answers 429 with {@code Retry-After: 1}. Three sends at once
 * fall in at most two one-second windows, so at least one of them is refused, whatever the timing.
 */
class SimulatorRateLimitTest extends CamelTestSupport {


    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder().rateLimit(1));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("connectly", SimulatorComponents.connectlyFor(SIM));
        return context;
    }

    private List<Exchange> sendAtOnce(String uri, String customer, int count) throws Exception {
        SIM.customer(customer).sendsText("hi");
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "message " + i;
            futures.add(template.asyncSend(uri, exchange -> {
                exchange.getMessage().setBody(text);
                exchange.getMessage().setHeader(ConnectlyConstants.RECIPIENT, customer);
            }));
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> future : futures) {
            exchanges.add(future.get(20, TimeUnit.SECONDS));
        }
        return exchanges;
    }

    private static long outboundCount(String customer) {
        return SIM.get().conversation(customer).stream().filter(ChatMessage::outbound).count();
    }

    private static List<Integer> sendStatuses() {
        return SIM.requests().stream()
                .filter(r -> r.path().endsWith("/send/messages"))
                .map(RecordedRequest::status)
                .toList();
    }

    @Test
    void rateLimitedSendsAreRetriedAfterRetryAfterAndSucceed() throws Exception {
        SIM.get().clearRequests();

        String customer = "+16045550201";
        List<Exchange> exchanges = sendAtOnce("connectly:sendMessage?retryMaxAttempts=10", customer, 3);

        for (Exchange exchange : exchanges) {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID, String.class)).isNotBlank();
        }
        // every one was delivered exactly once, although some were answered 429 first
        assertThat(sendStatuses()).contains(429);
        assertThat(sendStatuses()).filteredOn(s -> s == 200).hasSize(3);
        assertThat(SIM.get().conversation(customer).stream().filter(ChatMessage::outbound).map(ChatMessage::text))
                .containsExactlyInAnyOrder("message 0", "message 1", "message 2");
        // the 429 answers carried Retry-After, and the component counted them
        ConnectlyEndpoint endpoint = context.getEndpoint("connectly:sendMessage?retryMaxAttempts=10", ConnectlyEndpoint.class);
        assertThat(endpoint.getProducerRateLimited()).isPositive();
        assertThat(endpoint.getProducerRetries()).isPositive();
    }

    @Test
    void givesUpWhenRetryAfterExceedsTheRetryBudget() throws Exception {
        SIM.get().clearRequests();
        String customer = "+16045550202";

        // Retry-After: 1 s does not fit in 300 ms: the refused sends fail at once, with the 429 details; a send that
        // starts after one of them was refused is held off for that Retry-After, cannot wait either, and is not sent
        List<Exchange> exchanges = sendAtOnce("connectly:sendMessage?retryMaxElapsed=300", customer, 3);

        List<Exchange> refused = exchanges.stream().filter(e -> e.getException() != null).toList();
        assertThat(refused).isNotEmpty();
        for (Exchange exchange : refused) {
            assertThat(exchange.getException()).isInstanceOfSatisfying(ConnectlyRateLimitedException.class, e -> {
                assertThat(e.getHttpStatus()).isEqualTo(429);
                assertThat(e.getRetryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
                if (e.getAttempts() == 1) {
                    assertThat(e.getErrorCode()).isEqualTo("ERROR_CODE_RATE_LIMIT_EXCEEDED");
                    assertThat(e.getMessage()).contains("retry after 1 s");
                } else {
                    assertThat(e.getAttempts()).isZero();
                    assertThat(e.getMessage()).contains("was not sent");
                }
            });
        }
        long sentAndRefused = refused.stream()
                .filter(e -> ((ConnectlyRateLimitedException) e.getException()).getAttempts() == 1).count();
        assertThat(sendStatuses()).filteredOn(s -> s == 429).hasSize((int) sentAndRefused);
        assertThat(outboundCount(customer))
                .as("sends of this test that reached the customer")
                .isEqualTo(exchanges.size() - refused.size());
    }
}
