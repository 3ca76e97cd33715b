package io.camelconnectly.component.connectly;

import java.net.http.HttpResponse;
import java.util.List;

import io.camelconnectly.component.connectly.webhook.WebhookSignatureVerifier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.WRONG_SECRET;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.sign;
import static io.camelconnectly.component.connectly.webhook.WebhookFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refused webhook post writes to the log, read from the log output itself (slf4j-simple on System.err, see
 * {@link StandardErrorCapture}). Each refusal is logged once, with its reason, and the
 * log holds neither the webhook secret, nor the signature header's value, nor any text of the body.
 */
class ConnectlyWebhookRejectionLogTest extends WebhookHttpTestSupport {

    private static final String PATH = "/connectly/webhook";
    private static final int MAX_BODY = 400;
    /** Text that must never reach the log, inside every body posted. */
    private static final String BODY_MARKER = "Parcel for Ana at 12 Rua Augusta";

    private StandardErrorCapture capture;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("connectly:webhook?maxBodySize=" + MAX_BODY + "&webhookSecret=" + SECRET).to("mock:events");
            }
        };
    }

    @BeforeEach
    void captureTheLog() {
        capture = StandardErrorCapture.start();
    }

    @AfterEach
    void restoreStandardError() {
        capture.close();
    }

    private String log() {
        return capture.text();
    }

    private List<String> rejectionLines() {
        return log().lines().filter(line -> line.contains("Connectly webhook rejected")).toList();
    }

    @Test
    void wrongSignatureIsLoggedOnceWithItsReasonAndNoSecretSignatureOrBody() throws Exception {
        byte[] body = utf8(inboundText(BODY_MARKER));
        String forged = WebhookSignatureVerifier.sign(body, WRONG_SECRET);

        HttpResponse<String> response = post(PATH, body, forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(rejectionLines()).singleElement().satisfies(line -> assertThat(line)
                .contains("WARN")
                .contains("rejected with 401 (signature)")
                .contains("signature does not match")
                .contains(body.length + " bytes"));
        assertNoSecretsIn(log(), forged);
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void malformedBodyIsLoggedOnceWithItsReasonAndNoBodyText() throws Exception {
        byte[] body = utf8("{\"message\": " + BODY_MARKER + "}");
        String signature = sign(body);

        HttpResponse<String> response = post(PATH, body, signature);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(rejectionLines()).singleElement().satisfies(line -> assertThat(line)
                .contains("WARN")
                .contains("rejected with 400 (malformed)")
                .contains("not valid JSON"));
        assertNoSecretsIn(log(), signature);
    }

    @Test
    void tooLargeBodyIsLoggedOnceWithItsReasonAndSizesOnly() throws Exception {
        byte[] body = utf8(inboundText(BODY_MARKER + " ".repeat(MAX_BODY)));
        String signature = sign(body);

        HttpResponse<String> response = post(PATH, body, signature);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(rejectionLines()).singleElement().satisfies(line -> assertThat(line)
                .contains("WARN")
                .contains("rejected with 413 (too_large)")
                .contains(String.valueOf(body.length))
                .contains("maxBodySize " + MAX_BODY));
        assertNoSecretsIn(log(), signature);
    }

    @Test
    void aFloodOfForgedPostsLogsOneWarnNotOneLineEach() throws Exception {
        byte[] body = utf8(inboundText(BODY_MARKER));
        String forged = WebhookSignatureVerifier.sign(body, WRONG_SECRET);

        for (int i = 0; i < 5; i++) {
            assertThat(post(PATH, body, forged).statusCode()).isEqualTo(401);
        }

        // the rest go to DEBUG, which slf4j-simple's default level (INFO) does not print
        assertThat(rejectionLines()).hasSize(1);
        ConnectlyEndpoint endpoint = (ConnectlyEndpoint) context.getRoutes().get(0).getEndpoint();
        assertThat(endpoint.getWebhooksRejectedSignature()).isEqualTo(5);
        assertNoSecretsIn(log(), forged);
    }

    private static void assertNoSecretsIn(String log, String signatureHeaderValue) {
        assertThat(log).as("the log while posting").contains("Connectly webhook");
        assertThat(log).doesNotContain(SECRET).doesNotContain(BODY_MARKER).doesNotContain("Ana Souza");
        if (signatureHeaderValue != null) {
            assertThat(log).doesNotContain(signatureHeaderValue);
        }
    }

    private static String inboundText(String text) {
        return "{\"timestamp\":\"1717430400\",\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\",\"name\":\"Ana Souza\"},"
               + "\"recipient\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\"},\"message\":{\"text\":\"" + text + "\"}}";
    }
}
