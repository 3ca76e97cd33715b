package io.camelconnectly.component.connectly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelconnectly.component.connectly.client.ConnectlyTemplateException;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import io.camelconnectly.component.connectly.model.SendTemplatedMessageRequest;
import io.camelconnectly.component.connectly.model.TemplateParameter;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

class TemplatedMessageProducerTest extends ConnectlyTestSupport {

    /** order_shipped_v2: approved in en_US (image header, two body variables, a URL button with {{1}}), pending in es. */
    static final String TEMPLATES = "{\"entity\":{\"templateGroups\":[{\"id\":\"order_shipped_v2\",\"name\":\"order_shipped_v2\","
                                    + "\"category\":\"UTILITY\",\"templates\":["
                                    + "{\"id\":\"1\",\"language\":{\"code\":\"en_US\"},\"status\":\"MESSAGE_TEMPLATE_STATUS_APPROVED\","
                                    + "\"rejectionReason\":null,\"templateComponents\":["
                                    + "{\"header\":{\"media\":{\"type\":\"TYPE_IMAGE\",\"example\":[\"https://example.com/x.png\"]}}},"
                                    + "{\"body\":{\"text\":{\"text\":\"Hi {{1}}, parcel {{2}} is on its way.\",\"example\":[\"Ana\",\"A-1\"]}}},"
                                    + "{\"buttons\":{\"buttons\":[{\"url\":{\"text\":\"Track\",\"url\":\"https://example.com/{{1}}\"}}]}}]},"
                                    + "{\"id\":\"2\",\"language\":{\"code\":\"es\"},\"status\":\"MESSAGE_TEMPLATE_STATUS_REJECTED\","
                                    + "\"rejectionReason\":\"INVALID_FORMAT\",\"templateComponents\":[]}]},"
                                    + "{\"id\":\"welcome\",\"name\":\"welcome\",\"templates\":[{\"id\":\"3\",\"language\":{\"code\":\"en\"},"
                                    + "\"status\":\"MESSAGE_TEMPLATE_STATUS_APPROVED\",\"templateComponents\":["
                                    + "{\"header\":{\"text\":{\"text\":\"Welcome {{1}}\"}}},{\"body\":{\"text\":{\"text\":\"Glad you are here.\"}}}]}]}]}}";

    private static final String URI = "connectly:sendTemplatedMessage?templateName=order_shipped_v2&language=en_US"
                                      + "&recipient=+16045550123&sender=+14155550100&campaignName=shipping_notifications"
                                      + "&callbackData={\"orderId\":\"A-1001\"}"
                                      + "&templateParameters.header_image=https://example.com/img/parcel.png"
                                      + "&templateParameters.body_1=Ana&templateParameters.body_2=A-1001"
                                      + "&templateParameters.button_1_url=track/A-1001";

    @Test
    void sendsFromOptionsAfterCheckingTheTemplate() throws Exception {
        server.on("/get/templates", reply(200, TEMPLATES));
        server.on("/send/whatsapp_templated_messages", reply(200, "{\"id\":\"tmpl-1\"}"));

        Exchange exchange = send(URI, null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SendMessageResponse.class).getId()).isEqualTo("tmpl-1");
        assertThat(exchange.getMessage().getHeader(ConnectlyConstants.MESSAGE_ID)).isEqualTo("tmpl-1");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).path).isEqualTo(BUSINESS_PATH + "/get/templates");
        assertThat(server.requests().get(0).method).isEqualTo("POST");
        assertThat(server.requests().get(0).body).isEmpty();
        assertThat(server.requests().get(0).header("X-API-Key")).isEqualTo(API_KEY);
        RecordingHttpServer.Recorded sent = server.requests().get(1);
        assertThat(sent.method).isEqualTo("POST");
        assertThat(sent.path).isEqualTo(BUSINESS_PATH + "/send/whatsapp_templated_messages");
        assertThat(sent.header("X-API-Key")).isEqualTo(API_KEY);
        assertThat(sent.json()).isEqualTo(json(fixture("send-templated-request.json")));
    }

    @Test
    void headersWinAndTheCacheServesLaterSends() throws Exception {
        server.on("/get/templates", reply(200, TEMPLATES));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("header_text", "Ana");
        send(URI, null, ConnectlyConstants.TEMPLATE_NAME, "welcome", ConnectlyConstants.LANGUAGE, "en",
                ConnectlyConstants.TEMPLATE_PARAMETERS, parameters, ConnectlyConstants.RECIPIENT, "+447700900123");
        send(URI, null);

        assertThat(server.requestsTo("/get/templates")).hasSize(1);
        List<RecordingHttpServer.Recorded> sends = server.requestsTo("/send/whatsapp_templated_messages");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).json().get("templateName").asText()).isEqualTo("welcome");
        assertThat(sends.get(0).json().get("language").asText()).isEqualTo("en");
        assertThat(sends.get(0).json().get("number").asText()).isEqualTo("+447700900123");
        assertThat(sends.get(0).json().get("parameters")).isEqualTo(json("[{\"name\":\"header_text\",\"value\":\"Ana\"}]"));
    }

    @Test
    void typedBodyKeepsItsValuesAndOptionsFillTheRest() throws Exception {
        SendTemplatedMessageRequest body = new SendTemplatedMessageRequest().withTemplateName("welcome").withLanguage("en")
                .withParameters(List.of(new TemplateParameter("header_text", "Ravi")));
        send(URI + "&validateTemplateParameters=false", body);

        assertThat(server.requestsTo("/get/templates")).isEmpty();
        assertThat(server.last().json()).isEqualTo(json("{\"number\":\"+16045550123\",\"templateName\":\"welcome\",\"language\":\"en\","
                                                        + "\"parameters\":[{\"name\":\"header_text\",\"value\":\"Ravi\"}],"
                                                        + "\"sender\":\"+14155550100\",\"callbackData\":{\"orderId\":\"A-1001\"},"
                                                        + "\"campaignName\":\"shipping_notifications\"}"));
        assertThat(body.getNumber()).as("the user's body is not modified").isNull();
    }

    @Test
    void missingVariableIsReportedBeforeSending() {
        server.on("/get/templates", reply(200, TEMPLATES));
        Map<String, Object> parameters = Map.of("header_image", "https://example.com/p.png", "body_1", "Ana",
                "button_1_url", "track/1");
        Exchange exchange = send(URI, null, ConnectlyConstants.TEMPLATE_PARAMETERS, parameters);

        assertTemplateProblem(exchange, ConnectlyTemplateException.Problem.MISSING_PARAMETER, "body_2");
        assertThat(exchange.getException().getMessage()).contains("order_shipped_v2", "en_US", "body_2", "which is missing");
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).isEmpty();
    }

    @Test
    void extraVariableIsReportedBeforeSending() {
        server.on("/get/templates", reply(200, TEMPLATES));
        Exchange exchange = send(URI + "&templateParameters.body_3=extra", null);

        assertTemplateProblem(exchange, ConnectlyTemplateException.Problem.UNKNOWN_PARAMETER, "body_3");
        assertThat(exchange.getException().getMessage()).contains("has no variable body_3",
                "header_image, body_1, body_2, button_1_url");
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).isEmpty();
    }

    @Test
    void unapprovedAndUnknownTemplatesAreReported() {
        server.on("/get/templates", reply(200, TEMPLATES));
        Exchange rejected = send(URI, null, ConnectlyConstants.LANGUAGE, "es");
        assertTemplateProblem(rejected, ConnectlyTemplateException.Problem.TEMPLATE_NOT_APPROVED, null);
        assertThat(rejected.getException().getMessage()).contains("MESSAGE_TEMPLATE_STATUS_REJECTED", "INVALID_FORMAT");

        Exchange noTranslation = send(URI, null, ConnectlyConstants.LANGUAGE, "de");
        assertTemplateProblem(noTranslation, ConnectlyTemplateException.Problem.TEMPLATE_NOT_FOUND, null);
        assertThat(noTranslation.getException().getMessage()).contains("no 'de' translation", "en_US, es");

        Exchange unknown = send(URI, null, ConnectlyConstants.TEMPLATE_NAME, "nope");
        assertTemplateProblem(unknown, ConnectlyTemplateException.Problem.TEMPLATE_NOT_FOUND, null);
        assertThat(unknown.getException().getMessage()).contains("No template named 'nope'");
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).isEmpty();
    }

    @Test
    void aMissRefreshesOnceSoANewlyApprovedTemplateIsFound() throws Exception {
        String withoutWelcome = TEMPLATES.substring(0, TEMPLATES.indexOf(",{\"id\":\"welcome\"")) + "]}}";
        server.on("/get/templates", reply(200, withoutWelcome), reply(200, TEMPLATES));
        ConnectlyEndpoint endpoint = context.getEndpoint(URI, ConnectlyEndpoint.class);
        endpoint.getTemplateCatalog().refresh().get();
        // let the one-second refresh floor pass without sleeping on a Camel thread
        org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofMillis(1100)).until(() -> true);

        Exchange exchange = send(URI, null, ConnectlyConstants.TEMPLATE_NAME, "welcome", ConnectlyConstants.LANGUAGE, "en",
                ConnectlyConstants.TEMPLATE_PARAMETERS, Map.of("header_text", "Ana"));

        assertThat(exchange.getException()).isNull();
        assertThat(server.requestsTo("/get/templates")).hasSize(2);
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).hasSize(1);
    }

    @Test
    void concurrentSendsShareOneTemplateFetch() {
        server.on("/get/templates", reply(200, TEMPLATES).delay(300));
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(template.asyncSend(URI, e -> e.getMessage().setBody(null)));
        }
        for (CompletableFuture<Exchange> f : sends) {
            assertThat(f.join().getException()).isNull();
        }
        assertThat(server.requestsTo("/get/templates")).hasSize(1);
        assertThat(server.requestsTo("/send/whatsapp_templated_messages")).hasSize(20);
    }

    @Test
    void requiredTemplateFieldsAreValidatedWithoutAnyRequest() {
        Exchange noName = send("connectly:sendTemplatedMessage?recipient=%2B16045550123", null);
        assertThat(noName.getException()).isInstanceOf(ConnectlyValidationException.class);
        assertThat(((ConnectlyValidationException) noName.getException()).getField()).isEqualTo("templateName");

        Exchange noLanguage = send("connectly:sendTemplatedMessage?recipient=%2B16045550123&templateName=welcome&language=", null);
        assertThat(noLanguage.getException()).isInstanceOf(ConnectlyValidationException.class);
        assertThat(((ConnectlyValidationException) noLanguage.getException()).getField()).isEqualTo("language");

        Exchange badCallback = send(URI, null, ConnectlyConstants.CALLBACK_DATA, "{oops");
        assertThat(badCallback.getException()).isInstanceOf(ConnectlyValidationException.class);
        assertThat(badCallback.getException().getMessage()).contains("CamelConnectlyCallbackData", "not valid JSON");

        // a bad option fails when the producer is created, naming the option
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> send("connectly:sendTemplatedMessage?templateName=welcome&callbackData={oops", null))
                .hasRootCauseInstanceOf(ConnectlyValidationException.class)
                .rootCause().hasMessageStartingWith("callbackData '{oops' is invalid: not valid JSON");
        assertThat(server.requests()).isEmpty();
    }

    private static void assertTemplateProblem(Exchange exchange, ConnectlyTemplateException.Problem problem, String parameter) {
        assertThat(exchange.getException()).isInstanceOf(ConnectlyTemplateException.class);
        ConnectlyTemplateException error = (ConnectlyTemplateException) exchange.getException();
        assertThat(error.getProblem()).isEqualTo(problem);
        assertThat(error.getParameter()).isEqualTo(parameter);
    }
}
