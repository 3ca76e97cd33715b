package io.camelconnectly.component.connectly.springboot;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

@Component
public class WhatsAppRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // Connectly posts customer messages and delivery statuses to http://<your app>/connectly/webhook
        from("connectly:webhook")
            .choice()
                .when(header(ConnectlyConstants.TOPIC).isEqualTo("messages"))
                    // CamelConnectlyRecipient is already the customer who wrote: the reply needs no mapping
                    .setBody(simple("Thanks! We got your ${header.CamelConnectlyEventType} message."))
                    .to("connectly:sendMessage")
                .otherwise()
                    .log("Message ${header.CamelConnectlyMessageId} is ${header.CamelConnectlyEventType}");

        // producerTemplate.sendBodyAndHeader("direct:welcome", null, ConnectlyConstants.RECIPIENT, "+16045550123")
        from("direct:welcome")
            .to("connectly:sendTemplatedMessage?templateName=welcome&language=en");
    }
}
