package io.camelconnectly.examples.springboot;

/** The body of {@code POST /orders/shipped}. */
public record ShippedOrder(String phone, String name, String orderId) {
}
