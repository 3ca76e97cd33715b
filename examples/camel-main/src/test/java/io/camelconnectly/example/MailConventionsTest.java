package io.camelconnectly.example;

import java.sql.SQLException;

import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailConventionsTest {

    @Test
    void theCustomerIsTheFirstPlusNumberOfTheSubject() {
        assertThat(MailConventions.customerOf("+16045550123 Your invoice")).isEqualTo("+16045550123");
        assertThat(MailConventions.customerOf("Re: Invoice for +1 604-555.0123 (Dev)")).isEqualTo("+16045550123");
        assertThatThrownBy(() -> MailConventions.customerOf("Invoice 2041 for order 16045550123"))
                .isInstanceOf(ConnectlyValidationException.class)
                .hasMessageContaining("mail subject 'Invoice 2041 for order 16045550123' is invalid")
                .hasMessageContaining("'+16045550123 Your invoice is ready'");
    }

    @Test
    void theTextLeavesOutQuotedLinesAndTheSignature() {
        assertThat(MailConventions.text("Hello Dev,\r\nyour invoice is paid.\r\n\r\n> On Monday you wrote:\r\n> hi\r\n-- \r\nBilling"))
                .isEqualTo("Hello Dev,\nyour invoice is paid.");
        assertThat(MailConventions.text("x".repeat(5000))).hasSize(MailConventions.MAX_TEXT);
        assertThatThrownBy(() -> MailConventions.text("> only a quote\n")).hasMessageContaining("mail body");
    }

    @Test
    void theFallbackTemplateGetsTheTextOnOneShortLine() {
        // WhatsApp refuses line breaks, tabs and runs of spaces in a template variable
        assertThat(MailConventions.templateText("Hello Dev,\n\tyour invoice   is paid.\n")).isEqualTo("Hello Dev, your invoice is paid.");
        assertThat(MailConventions.templateText("word ".repeat(400))).hasSize(MailConventions.MAX_TEMPLATE_TEXT).endsWith("…");
    }

    @Test
    void addressesAndSubjects() {
        assertThat(MailConventions.address("Billing <billing@shop.example>")).isEqualTo("billing@shop.example");
        assertThatThrownBy(() -> MailConventions.address("not an address <")).hasMessageContaining("mail From");
        assertThat(MailConventions.replySubject("+16045550123 Invoice")).isEqualTo("Re: +16045550123 Invoice");
        assertThat(MailConventions.replySubject("RE: Invoice")).isEqualTo("RE: Invoice");
    }

    @Test
    void aFailureIsExplainedToTheSenderOnlyWhenTheyCanActOnIt() {
        Exception wrapped = new RuntimeCamelException("Failed to invoke method: customerOf",
                new ConnectlyValidationException("mail subject", "Invoice", "put the customer's number first"));
        assertThat(MailConventions.failureReply("Invoice", wrapped))
                .startsWith("Your mail 'Invoice' was not sent to WhatsApp: ").contains("put the customer's number first")
                .doesNotContain("Failed to invoke");

        Exception database = new RuntimeCamelException(new SQLException("NULL not allowed for column \"REF\""));
        assertThat(MailConventions.failureReply("Invoice", database))
                .isEqualTo("Your mail 'Invoice' was not sent to WhatsApp because of an error on our side; "
                           + "it is logged for the administrator.");
    }
}
