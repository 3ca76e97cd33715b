package io.camelconnectly.component.connectly;

import java.util.List;
import java.util.Map;

import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Phone numbers are read with libphonenumber: E.164 stays as written, a national number (typical CRM data) is sent only
 * with a default region and converted to E.164 for it, anything else is refused before sending. Never is a missing plus
 * sign guessed: 6045550177 is not Malaysia's +60 45550177.
 */
class PhoneNumbersTest extends ConnectlyTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("connectly:sendMessage");
                from("direct:canada").to("connectly:sendMessage?defaultRegion=CA");
                from("direct:template").to("connectly:sendTemplatedMessage?templateName=welcome&validateTemplateParameters=false");
                from("direct:campaign").to("connectly:sendCampaign?campaignName=spring_sale");
            }
        };
    }

    private String sentRecipient() throws Exception {
        return server.last().json().path("recipient").path("id").asText();
    }

    @Test
    void nationalNumbersWithoutADefaultRegionAreRefusedNeverGivenAPlusSign() {
        for (String national : List.of("6045550177", "(604) 555-0177", "604-555-0177")) {
            Exchange exchange = send("direct:send", "hi", ConnectlyConstants.RECIPIENT, national);

            assertThat(exchange.getException()).isInstanceOf(ConnectlyValidationException.class);
            ConnectlyValidationException error = (ConnectlyValidationException) exchange.getException();
            assertThat(error.getField()).isEqualTo("recipient");
            assertThat(error.getSource()).isEqualTo("header CamelConnectlyRecipient");
            assertThat(error.getMessage()).contains("'" + national + "'", "header CamelConnectlyRecipient", "defaultRegion",
                    "CamelConnectlyDefaultRegion", "+16045550123");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void nationalNumbersAreConvertedForTheDefaultRegion() throws Exception {
        send("direct:canada", "hi", ConnectlyConstants.RECIPIENT, "(604) 555-0177");
        assertThat(sentRecipient()).isEqualTo("+16045550177");

        send("direct:send", "hi", ConnectlyConstants.RECIPIENT, "030 901820", ConnectlyConstants.DEFAULT_REGION, "de");
        assertThat(sentRecipient()).isEqualTo("+4930901820");
    }

    @Test
    void internationalNumbersStayAsWrittenOrAreReformattedToE164() throws Exception {
        send("direct:canada", "hi", ConnectlyConstants.RECIPIENT, "+447700900123");
        assertThat(sentRecipient()).isEqualTo("+447700900123");

        send("direct:send", "hi", ConnectlyConstants.RECIPIENT, "+1 (604) 555-0177");
        assertThat(sentRecipient()).isEqualTo("+16045550177");

        // the plus sign of a URI option, decoded to a space, is still the plus sign
        send("connectly:sendMessage?recipient=+16045550123", "hi");
        assertThat(sentRecipient()).isEqualTo("+16045550123");
    }

    @Test
    void impossibleNumbersAreRefused() {
        for (String impossible : List.of("+1604", "+999123456789", "+16045550123456789", "+1-800-CALL-NOW")) {
            Exchange exchange = send("direct:canada", "hi", ConnectlyConstants.RECIPIENT, impossible);
            assertThat(exchange.getException()).as(impossible).isInstanceOf(ConnectlyValidationException.class)
                    .hasMessageContaining("'" + impossible + "'").hasMessageContaining("E.164");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void businessScopedUserIdsPassAsGiven() throws Exception {
        send("direct:send", "hi", ConnectlyConstants.RECIPIENT, "bsuid:US.13491208655302741918");
        assertThat(sentRecipient()).isEqualTo("bsuid:US.13491208655302741918");
    }

    @Test
    void theSameRuleForSendersTemplatesAndCampaignEntries() throws Exception {
        Exchange sender = send("direct:send", "hi", ConnectlyConstants.RECIPIENT, "+16045550123", ConnectlyConstants.SENDER,
                "4155550100");
        assertThat(sender.getException()).hasMessageContaining("sender '4155550100' (from header CamelConnectlySender)");

        send("direct:template", null, ConnectlyConstants.RECIPIENT, "6045550177", ConnectlyConstants.DEFAULT_REGION, "CA");
        assertThat(server.last().json().path("number").asText()).isEqualTo("+16045550177");

        Exchange campaign = send("direct:campaign", Map.of("entries", List.of(Map.of("client", "6045550177"))));
        assertThat(campaign.getException()).hasMessageContaining("entries[0].client '6045550177' (from the body)");
        send("direct:campaign", Map.of("entries", List.of(Map.of("client", "6045550177"))), ConnectlyConstants.DEFAULT_REGION,
                "CA");
        assertThat(server.last().json().at("/entries/0/client").asText()).isEqualTo("+16045550177");
    }

    @Test
    void aRegionThatIsNoRegionIsRefused() {
        Exchange exchange = send("direct:send", "hi", ConnectlyConstants.RECIPIENT, "6045550177", ConnectlyConstants.DEFAULT_REGION,
                "Canada");
        assertThat(exchange.getException()).hasMessageContaining("CamelConnectlyDefaultRegion 'Canada'").hasMessageContaining("CA, US");
    }

    @Test
    void badOptionsFailWhenTheProducerStarts() {
        assertThatThrownBy(() -> context.getEndpoint("connectly:sendMessage?recipient=6045550177").createProducer().start())
                .isInstanceOf(ConnectlyValidationException.class)
                .hasMessageContaining("recipient '6045550177' (from option recipient)").hasMessageContaining("defaultRegion");
        assertThatThrownBy(() -> context.getEndpoint("connectly:sendMessage?defaultRegion=XX").createProducer().start())
                .isInstanceOf(ConnectlyValidationException.class).hasMessageContaining("defaultRegion 'XX'");
    }
}
