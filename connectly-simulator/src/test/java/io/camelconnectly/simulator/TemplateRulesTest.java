package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Template lifecycle (pending, approved after the delay, rejected with a reason) and the template send rules. */
class TemplateRulesTest {

    @RegisterExtension
    static final ConnectlySimulatorExtension SIM = new ConnectlySimulatorExtension(ConnectlySimulator.builder()
            .templateApprovalDelay(Duration.ofMillis(300))
            .businessNumbers("+14155550100", "+14155550101"));

    private static Api api() {
        return new Api(SIM.get());
    }

    private static String createRequest(String name, String components) {
        return "{\"name\":\"" + name + "\",\"language\":{\"code\":\"en_US\"},\"category\":\"MESSAGE_TEMPLATE_GROUP_CATEGORY_UTILITY\","
                + "\"template_components\":" + components + "}";
    }

    private static JsonNode template(String name, String language) {
        for (JsonNode group : api().post("get/templates", null).json().path("entity").path("templateGroups")) {
            for (JsonNode template : group.path("templates")) {
                if (group.path("name").asText().equals(name) && template.path("language").path("code").asText().equals(language)) {
                    return template;
                }
            }
        }
        return null;
    }

    private static Api.Response sendTemplate(String name, String language, String parameters) {
        return api().post("send/whatsapp_templated_messages", "{\"number\":\"+16045550123\",\"templateName\":\"" + name
                + "\",\"language\":\"" + language + "\"" + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}");
    }

    @Test
    void aNewTemplateIsPendingThenApprovedAndOnlyThenSendable() {
        Api.Response created = api().post("create/template", createRequest("delivery_eta",
                "[{\"header\":{\"text\":{\"text\":\"Order {{1}}\"}}},{\"body\":{\"text\":{\"text\":\"Hi {{1}}, it arrives on {{2}}.\"}}},"
                        + "{\"footer\":{\"text\":{\"text\":\"Reply STOP to opt out\"}}}]"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode entity = created.json().path("entity");
        assertThat(entity.path("name").asText()).isEqualTo("delivery_eta");
        assertThat(entity.path("templates").get(0).path("status").asText()).isEqualTo("MESSAGE_TEMPLATE_STATUS_PENDING");
        assertThat(entity.path("templates").get(0).path("rejectionReason").isNull()).isTrue();

        String params = "[{\"name\":\"header_text\",\"value\":\"A-7\"},{\"name\":\"body_1\",\"value\":\"Ana\"},{\"name\":\"body_2\",\"value\":\"Friday\"}]";
        Api.Response early = sendTemplate("delivery_eta", "en_US", params);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.code()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND");
        assertThat(early.json().path("message").asText()).contains("MESSAGE_TEMPLATE_STATUS_PENDING");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(template("delivery_eta", "en_US").path("status").asText()).isEqualTo("MESSAGE_TEMPLATE_STATUS_APPROVED"));
        Api.Response sent = sendTemplate("delivery_eta", "en_US", params);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(SIM.get().conversation("+16045550123")).anySatisfy(m -> assertThat(m.text()).contains("Order A-7").contains("Hi Ana, it arrives on Friday."));
    }

    @Test
    void nonSequentialVariablesAreRejected() {
        api().post("create/template", createRequest("gap_vars", "[{\"body\":{\"text\":{\"text\":\"Hi {{1}}, see {{3}}.\"}}}]"));
        SIM.clock().advance(Duration.ofSeconds(1));
        JsonNode template = template("gap_vars", "en_US");
        assertThat(template.path("status").asText()).isEqualTo("MESSAGE_TEMPLATE_STATUS_REJECTED");
        assertThat(template.path("rejectionReason").asText()).isEqualTo("INVALID_FORMAT");
        assertThat(template.path("rejectionDetail").asText()).contains("{{3}}").contains("{{2}}");
        Api.Response send = sendTemplate("gap_vars", "en_US", "[{\"name\":\"body_1\",\"value\":\"a\"},{\"name\":\"body_2\",\"value\":\"b\"},{\"name\":\"body_3\",\"value\":\"c\"}]");
        assertThat(send.code()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND");
        assertThat(send.json().path("message").asText()).contains("MESSAGE_TEMPLATE_STATUS_REJECTED");
    }

    @Test
    void shortenedUrlsInButtonsAreRejected() {
        api().post("create/template", createRequest("short_link", "[{\"body\":{\"text\":{\"text\":\"Track your parcel.\"}}},"
                + "{\"buttons\":{\"buttons\":[{\"url\":{\"text\":\"Track\",\"url\":\"https://bit.ly/abc{{1}}\"}}]}}]"));
        api().post("create/template", createRequest("full_link", "[{\"body\":{\"text\":{\"text\":\"Track your parcel.\"}}},"
                + "{\"buttons\":[{\"type\":\"URL\",\"text\":\"Track\",\"url\":\"https://shop.example.com/track/{{1}}\"}]}]"));
        SIM.clock().advance(Duration.ofSeconds(1));
        JsonNode shortLink = template("short_link", "en_US");
        assertThat(shortLink.path("status").asText()).isEqualTo("MESSAGE_TEMPLATE_STATUS_REJECTED");
        assertThat(shortLink.path("rejectionDetail").asText()).contains("bit.ly");
        assertThat(template("full_link", "en_US").path("status").asText()).isEqualTo("MESSAGE_TEMPLATE_STATUS_APPROVED");
        assertThat(sendTemplate("full_link", "en_US", "[{\"name\":\"button_1_url\",\"value\":\"A-1\"}]").status()).isEqualTo(200);
    }

    @Test
    void aBadFormatIsRejected() {
        api().post("create/template", createRequest("bad_placeholder", "[{\"body\":{\"text\":{\"text\":\"Hi {{name}}\"}}}]"));
        api().post("create/template", createRequest("no_body", "[{\"footer\":{\"text\":{\"text\":\"only a footer\"}}}]"));
        SIM.clock().advance(Duration.ofSeconds(1));
        for (String name : new String[] {"bad_placeholder", "no_body"}) {
            JsonNode template = template(name, "en_US");
            assertThat(template.path("status").asText()).as(name).isEqualTo("MESSAGE_TEMPLATE_STATUS_REJECTED");
            assertThat(template.path("rejectionReason").asText()).isEqualTo("INVALID_FORMAT");
        }
    }

    @Test
    void malformedCreateRequestsAreRefusedAtOnce() {
        assertThat(api().post("create/template", "{\"name\":\"Bad Name\",\"language\":{\"code\":\"en\"},\"category\":\"MESSAGE_TEMPLATE_GROUP_CATEGORY_UTILITY\",\"template_components\":[]}")
                .status()).isEqualTo(400);
        assertThat(api().post("create/template", "{\"name\":\"ok\",\"language\":{\"code\":\"english\"},\"category\":\"MESSAGE_TEMPLATE_GROUP_CATEGORY_UTILITY\",\"template_components\":[]}")
                .json().path("message").asText()).contains("language.code");
        assertThat(api().post("create/template", "{\"name\":\"ok\",\"language\":{\"code\":\"en\"},\"category\":\"PROMO\",\"template_components\":[]}")
                .json().path("message").asText()).contains("category");
        assertThat(api().post("create/template", createRequest("welcome_twice", "[{\"body\":{\"text\":{\"text\":\"x\"}}}]")).status()).isEqualTo(200);
        assertThat(api().post("create/template", createRequest("welcome_twice", "[{\"body\":{\"text\":{\"text\":\"x\"}}}]")).status()).isEqualTo(409);
    }

    @Test
    void parametersMustMatchTheTemplateVariables() {
        Api.Response ok = sendTemplate("order_shipped", "en", "[{\"name\":\"body_1\",\"value\":\"Ana\"},{\"name\":\"body_2\",\"value\":\"A-1001\"}]");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);

        Api.Response missing = sendTemplate("order_shipped", "en", "[{\"name\":\"body_1\",\"value\":\"Ana\"}]");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID");
        assertThat(missing.json().path("message").asText()).contains("body_2");

        Api.Response extra = sendTemplate("order_shipped", "en", "[{\"name\":\"body_1\",\"value\":\"Ana\"},{\"name\":\"body_2\",\"value\":\"A\"},{\"name\":\"body_3\",\"value\":\"x\"}]");
        assertThat(extra.code()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID");
        assertThat(extra.json().path("message").asText()).contains("body_3");

        assertThat(sendTemplate("welcome", "en", "[{\"name\":\"body_1\",\"value\":\"x\"}]").code()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID");
        assertThat(sendTemplate("welcome", "en", null).status()).isEqualTo(200);
    }

    @Test
    void unknownTemplateOrLanguageIsNotFound() {
        assertThat(sendTemplate("no_such_template", "en", null).code()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND");
        Api.Response wrongLanguage = sendTemplate("welcome", "pt_BR", null);
        assertThat(wrongLanguage.code()).isEqualTo("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND");
        assertThat(wrongLanguage.json().path("message").asText()).contains("it exists in: en");
    }

    @Test
    void aTemplateToABusinessNumberFails() {
        for (String business : new String[] {"+14155550100", "+14155550101"}) {
            Api.Response response = api().post("send/whatsapp_templated_messages",
                    "{\"number\":\"" + business + "\",\"templateName\":\"welcome\",\"language\":\"en\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("ERROR_CODE_MESSAGE_SELF_INVALID");
        }
    }
}
