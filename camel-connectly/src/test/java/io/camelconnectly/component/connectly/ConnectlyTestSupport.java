package io.camelconnectly.component.connectly;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.webhook.WebhookFixtures;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the producer tests: a recording server on loopback, and a connectly component pointed at it with a test key.
 */
abstract class ConnectlyTestSupport extends CamelTestSupport {

    static final String API_KEY = "ck_live_SECRET_7f3a9e21b4c8";
    static final String BUSINESS_ID = "1ca5c793-9859-4c1e-a5b0-2f6e6e1f0a11";
    static final String BUSINESS_PATH = "/v1/businesses/" + BUSINESS_ID;

    static RecordingHttpServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = new RecordingHttpServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ConnectlyComponent component = new ConnectlyComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBusinessId(BUSINESS_ID);
        component.getConfiguration().setBaseUrl(server.baseUrl());
        component.getConfiguration().setRetryInitialDelay(5);
        component.getConfiguration().setRetryMaxDelay(50);
        context.addComponent("connectly", component);
        return context;
    }

    /** Sends to an endpoint and returns the exchange (its exception is not thrown). */
    Exchange send(String uri, Object body, Object... headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    static JsonNode json(String text) throws IOException {
        return ConnectlyJson.mapper().readTree(text);
    }

    /** A fixture of src/test/resources/fixtures as text. */
    static String fixture(String name) {
        return WebhookFixtures.text(name);
    }
}
