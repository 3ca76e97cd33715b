package io.camelconnectly.benchmarks;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * Benchmark only: an endpoint whose asynchronous producer makes the bare client's request ({@link BareRequest}) and
 * completes the exchange on the HTTP client's I/O thread with the answer's bytes as body. Sent to through a
 * ProducerTemplate it measures what the template costs with a component that does nothing of its own (no validation,
 * no JSON): the ceiling of any component in that setup.
 */
final class PlainHttpEndpoint extends DefaultEndpoint {

    private final BareRequest bare;

    PlainHttpEndpoint(CamelContext camelContext, BareRequest bare) {
        this.bare = bare;
        setCamelContext(camelContext);
        setEndpointUri("plain-http:send");
    }

    @Override
    public Producer createProducer() {
        return new DefaultAsyncProducer(this) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                bare.send(new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        if (BareRequest.accepted(response)) {
                            exchange.getMessage().setBody(response.getBodyBytes());
                        } else {
                            exchange.setException(new IllegalStateException("HTTP " + response.getCode()));
                        }
                        callback.done(false);
                    }

                    @Override
                    public void failed(Exception ex) {
                        exchange.setException(ex);
                        callback.done(false);
                    }

                    @Override
                    public void cancelled() {
                        exchange.setException(new IllegalStateException("cancelled"));
                        callback.done(false);
                    }
                });
                return false;
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("plain-http:send only sends");
    }
}
