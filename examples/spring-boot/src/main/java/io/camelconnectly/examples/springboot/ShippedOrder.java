package io.camelconnectly.examples.springboot;

import io.camelconnectly.component.connectly.client.ConnectlyValidationException;

/** The body of {@code POST /orders/shipped}. */
public record ShippedOrder(String phone, String name, String orderId) {

    private static final String EXAMPLE = "e.g. {\"phone\":\"+16045550123\",\"name\":\"Ana\",\"orderId\":\"A-1001\"}";

    /** Refuses an order without name or orderId (the template needs both) with what the body must hold. */
    public ShippedOrder requireComplete() {
        require("name", name);
        require("orderId", orderId);
        return this;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ConnectlyValidationException("order " + field, value,
                    "the body needs phone, name and orderId, " + EXAMPLE);
        }
    }
}
