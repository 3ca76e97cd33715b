package io.camelconnectly.component.connectly;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelconnectly.component.connectly.client.ConnectlyApi;
import io.camelconnectly.component.connectly.client.ConnectlyClient;
import io.camelconnectly.component.connectly.client.ConnectlyErrors;
import io.camelconnectly.component.connectly.client.ConnectlyOutsideWindowException;
import io.camelconnectly.component.connectly.client.ConnectlyTemplateException;
import io.camelconnectly.component.connectly.model.Party;
import io.camelconnectly.component.connectly.model.SendMessageRequest;
import io.camelconnectly.component.connectly.model.SendTemplatedMessageRequest;
import io.camelconnectly.component.connectly.window.WindowCounters;
import io.camelconnectly.component.connectly.window.WindowStatus;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sendMessage with a fallback template. The template is checked first (as sendTemplatedMessage checks it), so a bad
 * fallback fails before anything is sent; then what the component's conversation windows know decides:
 * <ul>
 * <li>open: the session message (without a sender, from the number whose window is open);</li>
 * <li>closed: the template, with no session call first;</li>
 * <li>unknown: the session message.</li>
 * </ul>
 * A session message that Connectly refuses for the window (open but closed meanwhile, or unknown) is followed by the
 * template, once. Reading a blocking repository happens on the windows' executor and the exchange continues from there:
 * no I/O thread or event loop waits.
 */
final class WindowAwareSend {

    private static final Logger LOG = LoggerFactory.getLogger(WindowAwareSend.class);

    private enum Outcome {
        SESSION,
        TEMPLATE,
        TEMPLATE_AFTER_REFUSAL
    }

    private record Sent(ConnectlyApi api, Object response, Outcome outcome) {
    }

    private final ConnectlyEndpoint endpoint;
    private final ConnectlyProducer producer;
    private final WindowCounters counters;

    WindowAwareSend(ConnectlyEndpoint endpoint, ConnectlyProducer producer) {
        this.endpoint = endpoint;
        this.producer = producer;
        this.counters = endpoint.getWindowCounters();
    }

    boolean process(Exchange exchange, ConnectlyRequestFactory.PreparedCall call, ConnectlyClient client, AsyncCallback callback) {
        SendMessageRequest session = (SendMessageRequest) call.body;
        SendTemplatedMessageRequest template = call.fallback;
        CompletableFuture<Sent> sent;
        try {
            String sender = session.getSender() != null ? session.getSender().getId() : null;
            sent = checkTemplate(template, call.parametersSource)
                    .thenCompose(checked -> endpoint.getConversationWindows()
                            .statusOf(session.getRecipient().getId(), sender, counters))
                    .thenCompose(status -> send(client, session, template, status));
        } catch (Throwable e) {
            sent = CompletableFuture.failedFuture(e);
        }
        if (sent.isDone()) {
            complete(exchange, sent);
            callback.done(true);
            return true;
        }
        CompletableFuture<Sent> pending = sent;
        pending.whenComplete((result, error) -> {
            try {
                complete(exchange, pending);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private CompletableFuture<Void> checkTemplate(SendTemplatedMessageRequest template, String parametersSource) {
        if (!endpoint.getConfiguration().isValidateTemplateParameters()) {
            return CompletableFuture.completedFuture(null);
        }
        return endpoint.getTemplateCatalog().check(template, parametersSource, endpoint.getConfiguration().getTemplateCacheTtl())
                .handle((ok, error) -> {
            if (error == null) {
                return null;
            }
            Throwable cause = ConnectlyErrors.unwrap(error);
            if (cause instanceof ConnectlyTemplateException problem) {
                // say which option: the catalog's message speaks of templateName, the user set fallbackTemplateName
                throw new ConnectlyTemplateException(problem.getProblem(), problem.getTemplateName(), problem.getLanguage(),
                        problem.getParameter(), "Fallback template (fallbackTemplateName / header "
                                                + ConnectlyConstants.FALLBACK_TEMPLATE_NAME + "): " + problem.getMessage());
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    private CompletableFuture<Sent> send(ConnectlyClient client, SendMessageRequest session, SendTemplatedMessageRequest template,
                                         WindowStatus status) {
        LOG.debug("Connectly sendMessage with fallback template {}: window {}", template.getTemplateName(), status.state());
        switch (status.state()) {
            case CLOSED:
                return client.call(ConnectlyApi.SEND_TEMPLATED_MESSAGE, null, template)
                        .thenApply(response -> new Sent(ConnectlyApi.SEND_TEMPLATED_MESSAGE, response, Outcome.TEMPLATE));
            case UNKNOWN:
                counters.windowUnknown();
                break;
            default:
                if (status.businessNumber() != null) {
                    // no sender given: send from the number the customer wrote to, where the session message is allowed
                    // (the request is this message's own copy, never the user's body)
                    session.setSender(Party.whatsapp(status.businessNumber()));
                }
                break;
        }
        return client.call(ConnectlyApi.SEND_MESSAGE, null, session)
                .handle((response, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(new Sent(ConnectlyApi.SEND_MESSAGE, response, Outcome.SESSION));
                    }
                    Throwable refusal = ConnectlyErrors.unwrap(error);
                    if (!(refusal instanceof ConnectlyOutsideWindowException)) {
                        return CompletableFuture.<Sent> failedFuture(refusal);
                    }
                    return client.call(ConnectlyApi.SEND_TEMPLATED_MESSAGE, null, template).handle((templateResponse, templateError) -> {
                        if (templateError != null) {
                            Throwable cause = ConnectlyErrors.unwrap(templateError);
                            cause.addSuppressed(refusal);
                            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                        }
                        return new Sent(ConnectlyApi.SEND_TEMPLATED_MESSAGE, templateResponse, Outcome.TEMPLATE_AFTER_REFUSAL);
                    });
                })
                .thenCompose(next -> next);
    }

    private void complete(Exchange exchange, CompletableFuture<Sent> sent) {
        try {
            Sent result = sent.handle((ok, error) -> {
                if (error != null) {
                    producer.setFailure(exchange, error);
                }
                return ok;
            }).join();
            if (result == null) {
                return;
            }
            ConnectlyProducer.setResult(exchange.getMessage(), result.api(), null, result.response());
            switch (result.outcome()) {
                case SESSION -> counters.sentAsSession();
                case TEMPLATE -> counters.sentAsTemplate();
                default -> counters.sentAsTemplateAfterRefusal();
            }
        } catch (Throwable e) {
            exchange.setException(e);
        }
    }
}
