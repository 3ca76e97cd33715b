package io.camelconnectly.component.connectly;

import java.util.concurrent.CompletableFuture;

import io.camelconnectly.component.connectly.client.ConnectlyApi;
import io.camelconnectly.component.connectly.client.ConnectlyClient;
import io.camelconnectly.component.connectly.client.ConnectlyErrors;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.DeleteWebhookResponse;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.HealthCheckComponent;

/**
 * Calls the Connectly operation of the endpoint (or of header {@code CamelConnectlyOperation}) asynchronously: the
 * request is validated on the caller's thread, sent without blocking, and the exchange continues on the HTTP client's
 * I/O thread with the typed answer as body. Every path ends in exactly one {@code callback.done}.
 */
public class ConnectlyProducer extends DefaultAsyncProducer {

    private final ConnectlyEndpoint endpoint;
    private final ConnectlyConfiguration configuration;
    private ConnectlyRequestFactory requestFactory;
    private WindowAwareSend windowAwareSend;
    private WritableHealthCheckRepository healthCheckRepository;
    private ConnectlyProducerHealthCheck healthCheck;

    public ConnectlyProducer(ConnectlyEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // parses and checks the callbackData option once
        requestFactory = new ConnectlyRequestFactory(configuration);
        windowAwareSend = new WindowAwareSend(endpoint, this);
        // the producers health-check repository exists only when camel-health is set up (camel.health.producersEnabled)
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ConnectlyProducerHealthCheck(endpoint, endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent() instanceof HealthCheckComponent component
                    && component.isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ConnectlyRequestFactory.PreparedCall call;
        ConnectlyClient client;
        try {
            client = endpoint.getClient();
            if (client == null) {
                throw new IllegalStateException("Endpoint " + endpoint + " is not started");
            }
            call = requestFactory.prepare(operation(exchange), exchange);
        } catch (Throwable e) {
            if (e instanceof ConnectlyValidationException) {
                endpoint.getProducerMetrics().rejectedByValidation();
            }
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (call.fallback != null) {
            return windowAwareSend.process(exchange, call, client, callback);
        }
        if (call.templated != null && configuration.isValidateTemplateParameters()) {
            CompletableFuture<Void> check = endpoint.getTemplateCatalog().check(call.templated, call.parametersSource,
                    configuration.getTemplateCacheTtl());
            if (!check.isDone()) {
                check.whenComplete((ok, error) -> {
                    if (error != null) {
                        fail(exchange, error, callback);
                    } else {
                        try {
                            send(client, call, exchange, callback);
                        } catch (Throwable e) {
                            fail(exchange, e, callback);
                        }
                    }
                });
                return false;
            }
            if (check.isCompletedExceptionally()) {
                setFailure(exchange, check.handle((ok, error) -> error).join());
                callback.done(true);
                return true;
            }
        }
        send(client, call, exchange, callback);
        return false;
    }

    private ConnectlyOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(ConnectlyConstants.OPERATION);
        if (header == null) {
            return configuration.getOperation();
        }
        ConnectlyOperation operation = header instanceof ConnectlyOperation
                ? (ConnectlyOperation) header : ConnectlyOperation.parse("Header " + ConnectlyConstants.OPERATION, header.toString());
        if (!operation.isProducerOperation()) {
            throw new ConnectlyValidationException(ConnectlyConstants.OPERATION, operation,
                    "webhook is the consumer; allowed here: " + ConnectlyOperation.allowedValues().replace(", webhook", ""));
        }
        return operation;
    }

    private void send(ConnectlyClient client, ConnectlyRequestFactory.PreparedCall call, Exchange exchange, AsyncCallback callback) {
        client.call(call.api, call.pathId, call.body).whenComplete((result, error) -> {
            try {
                if (error != null) {
                    exchange.setException(ConnectlyErrors.unwrap(error));
                } else {
                    setResult(exchange.getMessage(), call.api, call.pathId, result);
                }
            } catch (Throwable e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
    }

    /** The answer as body, with the id of a sent message and how it went out (session or template) as headers. */
    static void setResult(Message message, ConnectlyApi api, String pathId, Object result) {
        if (result instanceof SendMessageResponse) {
            message.setHeader(ConnectlyConstants.MESSAGE_ID, ((SendMessageResponse) result).getId());
            if (api == ConnectlyApi.SEND_MESSAGE) {
                message.setHeader(ConnectlyConstants.SENT_AS, ConnectlyConstants.SENT_AS_SESSION);
            } else if (api == ConnectlyApi.SEND_TEMPLATED_MESSAGE) {
                message.setHeader(ConnectlyConstants.SENT_AS, ConnectlyConstants.SENT_AS_TEMPLATE);
            }
        } else if (result instanceof DeleteWebhookResponse) {
            ((DeleteWebhookResponse) result).setWebhookId(pathId);
        }
        message.setBody(result);
    }

    private void fail(Exchange exchange, Throwable error, AsyncCallback callback) {
        try {
            setFailure(exchange, error);
        } catch (Throwable e) {
            exchange.setException(e);
        } finally {
            callback.done(false);
        }
    }

    /** Sets the failure on the exchange; only a validation failure counts as rejected by validation. */
    void setFailure(Exchange exchange, Throwable error) {
        Throwable cause = ConnectlyErrors.unwrap(error);
        if (cause instanceof ConnectlyValidationException) {
            endpoint.getProducerMetrics().rejectedByValidation();
        }
        exchange.setException(cause);
    }
}
