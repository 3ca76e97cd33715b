package io.camelconnectly.examples.springboot;

import java.util.Map;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * {@code POST /orders/shipped} with {@code {"phone":"+16045550123","name":"Ana","orderId":"A-1001"}} sends the approved
 * template order_shipped ("Hi {{1}}, your order {{2}} has shipped") to the customer, with the order id as callbackData
 * so the delivery statuses and replies that come back can be matched to the order. Answers {@code {"messageId":"..."}}.
 */
@Component
public class OrderNotificationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // a phone number or template parameter Connectly would refuse is refused here, before any call: 400
        onException(ConnectlyValidationException.class)
                .handled(true)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(simple("${exception.message}"));

        from("platform-http:/orders/shipped?httpMethodRestrict=POST").routeId("order-shipped")
                .unmarshal().json(JsonLibrary.Jackson, ShippedOrder.class)
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    ShippedOrder order = message.getBody(ShippedOrder.class).requireComplete();
                    message.setHeader(ConnectlyConstants.RECIPIENT, order.phone());
                    message.setHeader(ConnectlyConstants.TEMPLATE_PARAMETERS,
                            Map.of("body_1", order.name(), "body_2", order.orderId()));
                    message.setHeader(ConnectlyConstants.CALLBACK_DATA, Map.of("orderId", order.orderId()));
                })
                .to("connectly:sendTemplatedMessage?templateName=order_shipped&language=en")
                .log("Order shipped notice sent to ${header.CamelConnectlyRecipient}: message ${header.CamelConnectlyMessageId}")
                .setBody(simple("{\"messageId\":\"${header.CamelConnectlyMessageId}\"}"))
                // the HTTP answer carries none of the request's or Connectly's headers
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));
    }
}
