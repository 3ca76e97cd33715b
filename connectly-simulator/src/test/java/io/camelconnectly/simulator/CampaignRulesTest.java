package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Campaign sendouts: unpublished campaigns, duplicate sendouts and allow_multiple. */
class CampaignRulesTest {

    @RegisterExtension
    final ConnectlySimulatorExtension sim = new ConnectlySimulatorExtension();

    private Api.Response sendout(String entries, String options) {
        return new Api(sim.get()).post("send/campaigns", "{\"entries\":" + entries + (options == null ? "" : ",\"options\":" + options) + "}");
    }

    @Test
    void anUnpublishedCampaignIs409WithAHint() {
        Api.Response response = sendout("[{\"client\":\"+16045550123\",\"campaignName\":\"draft_campaign\"}]", null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("message").asText()).contains("draft_campaign").contains("publish it in Flow Builder");
        assertThat(response.json().path("cntTraceId").asText()).matches("[0-9]+");
        assertThat(sim.get().conversation("+16045550123")).isEmpty();
    }

    @Test
    void aPublishedCampaignIsAcceptedPerTheReferenceShape() {
        Api.Response response = sendout("[{\"client\":\"+16045550123\",\"campaignName\":\"spring_sale\",\"variables\":{\"first_name\":\"Ana\"}},"
                + "{\"client\":\"+16045550177\",\"campaignName\":\"spring_sale\",\"variables\":{\"first_name\":\"Ravi\"}}]", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode data = response.json().path("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).path("campaignName").asText()).isEqualTo("spring_sale");
        assertThat(data.get(0).path("status").asText()).isEqualTo("created");
        assertThat(data.get(0).path("acceptedCount").asInt()).isEqualTo(2);
        assertThat(data.get(0).path("rejectedCount").asInt()).isZero();
        assertThat(data.get(0).path("error").isNull()).isTrue();
        for (String field : new String[] {"campaignId", "campaignVersion", "sendoutId"}) {
            assertThat(data.get(0).path(field).asText()).isNotBlank();
        }
        assertThat(sim.get().conversation("+16045550177")).singleElement()
                .satisfies(m -> assertThat(m.campaignName()).isEqualTo("spring_sale"));
    }

    @Test
    void aSecondSendoutToTheSameCustomerIsRefusedUnlessAllowMultiple() {
        String entry = "[{\"client\":\"+16045550123\",\"campaignName\":\"spring_sale\"}]";
        assertThat(sendout(entry, null).json().path("data").get(0).path("acceptedCount").asInt()).isEqualTo(1);

        JsonNode refused = sendout(entry, null).json().path("data").get(0);
        assertThat(refused.path("status").asText()).isEqualTo("updated");
        assertThat(refused.path("acceptedCount").asInt()).isZero();
        assertThat(refused.path("rejectedCount").asInt()).isEqualTo(1);
        assertThat(refused.path("error").path("code").asText()).isEqualTo("ERROR_CODE_CAMPAIGN_DUPLICATE_SENDOUT");
        assertThat(refused.path("error").path("details").path("rejectedClients").get(0).asText()).isEqualTo("+16045550123");
        assertThat(sim.get().conversation("+16045550123")).hasSize(1);

        JsonNode allowed = sendout(entry, "{\"if_duplicate_check_unspecified\":\"allow_multiple\"}").json().path("data").get(0);
        assertThat(allowed.path("acceptedCount").asInt()).isEqualTo(1);
        assertThat(allowed.path("rejectedCount").asInt()).isZero();
        assertThat(sim.get().conversation("+16045550123")).hasSize(2);
    }

    @Test
    void badEntriesAreNamed() {
        assertThat(sendout("[]", null).status()).isEqualTo(400);
        Api.Response badClient = sendout("[{\"client\":\"12\",\"campaignName\":\"spring_sale\"}]", null);
        assertThat(badClient.code()).isEqualTo("ERROR_CODE_PHONE_NUMBER_BAD_FORMAT");
        assertThat(badClient.json().path("message").asText()).contains("entries[0].client");
        Api.Response unknown = sendout("[{\"client\":\"+16045550123\",\"campaignName\":\"nope\"}]", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).contains("spring_sale");
    }
}
