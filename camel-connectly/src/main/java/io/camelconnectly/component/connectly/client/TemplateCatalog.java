package io.camelconnectly.component.connectly.client;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.MessageTemplate;
import io.camelconnectly.component.connectly.model.SendTemplatedMessageRequest;
import io.camelconnectly.component.connectly.model.TemplateButton;
import io.camelconnectly.component.connectly.model.TemplateComponent;
import io.camelconnectly.component.connectly.model.TemplateParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template definitions of one business, fetched with getTemplates and cached for {@code templateCacheTtl}; checks a
 * templated message against them before it is sent. Concurrent checks share one in-flight fetch; a template missing
 * from a cached list triggers one refresh (so a template approved since is found), at most once a second; so does a
 * template cached as PENDING (so its approval is seen).
 * <p>
 * A failed refresh does not fail the sends: the last known templates keep serving the checks (one WARN per outage,
 * counted in {@link #getStaleChecks()} and {@link #getRefreshFailures()}), and further refreshes wait for a backoff (1 s
 * doubling to 60 s, at least the Retry-After of a 429). During the backoff no check calls getTemplates, so a rate limit
 * or an outage is never multiplied by the sends. Only without any templates fetched yet does a failed refresh fail the
 * check, with the getTemplates error (a rejected API key said to be met while checking the template).
 */
public final class TemplateCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateCatalog.class);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\d+)\\s*\\}\\}");
    private static final long MIN_REFRESH_NANOS = 1_000_000_000L;
    private static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
    private static final long MAX_BACKOFF_NANOS = 60_000_000_000L;
    private static final CompletableFuture<Void> OK = CompletableFuture.completedFuture(null);

    private final ConnectlyClient client;
    private final AtomicReference<CompletableFuture<Snapshot>> inFlight = new AtomicReference<>();
    private volatile Snapshot snapshot;
    // after a failed refresh: no getTemplates call before retryNotBefore (System.nanoTime())
    private volatile long retryNotBefore;
    private volatile long backoffNanos = FIRST_BACKOFF_NANOS;
    private volatile Throwable lastFailure;
    private final AtomicBoolean outage = new AtomicBoolean();
    private final LongAdder staleChecks = new LongAdder();
    private final LongAdder refreshFailures = new LongAdder();

    public TemplateCatalog(ConnectlyClient client) {
        this.client = client;
        this.retryNotBefore = System.nanoTime();
    }

    /** Checks answered from the last known templates because refreshing them failed. */
    public long getStaleChecks() {
        return staleChecks.sum();
    }

    /** getTemplates calls (after their retries) that failed. */
    public long getRefreshFailures() {
        return refreshFailures.sum();
    }

    /** The variables a template takes, in order (header_..., body_N, button_N_url), as parameter names. */
    public static Set<String> variablesOf(MessageTemplate template) {
        Set<String> variables = new LinkedHashSet<>();
        if (template.getTemplateComponents() == null) {
            return variables;
        }
        for (TemplateComponent component : template.getTemplateComponents()) {
            if (component == null) {
                continue;
            }
            if (component.getHeader() != null) {
                if (component.getHeader().getText() != null && hasVariable(component.getHeader().getText().getText())) {
                    variables.add("header_text");
                }
                if (component.getHeader().getMedia() != null && component.getHeader().getMedia().getType() != null) {
                    String type = component.getHeader().getMedia().getType().toLowerCase(Locale.ROOT);
                    variables.add("header_" + (type.startsWith("type_") ? type.substring(5) : type));
                }
            }
            if (component.getBody() != null && component.getBody().getText() != null
                    && component.getBody().getText().getText() != null) {
                Matcher m = VARIABLE.matcher(component.getBody().getText().getText());
                while (m.find()) {
                    variables.add("body_" + Integer.parseInt(m.group(1)));
                }
            }
            if (component.getButtons() != null && component.getButtons().getButtons() != null) {
                List<TemplateButton> buttons = component.getButtons().getButtons();
                for (int i = 0; i < buttons.size(); i++) {
                    TemplateButton button = buttons.get(i);
                    if (button != null && button.getUrl() != null && hasVariable(button.getUrl().getUrl())) {
                        variables.add("button_" + (i + 1) + "_url");
                    }
                }
            }
        }
        return variables;
    }

    private static boolean hasVariable(String text) {
        return text != null && VARIABLE.matcher(text).find();
    }

    /**
     * Checks a templated message against its template. Completes at once when the cache is fresh for the caller's TTL
     * (endpoints sharing the catalog keep their own templateCacheTtl) or refreshing is backing off; fails with a
     * {@link ConnectlyTemplateException}, or with the getTemplates failure when no templates were ever fetched.
     *
     * @param parametersSource where the message's parameters came from (header, option or body), named in refusals
     */
    public CompletableFuture<Void> check(SendTemplatedMessageRequest request, String parametersSource, long ttlMillis) {
        return checkWithin(request, parametersSource, Math.max(0, ttlMillis) * 1_000_000L);
    }

    private CompletableFuture<Void> checkWithin(SendTemplatedMessageRequest request, String parametersSource, long ttlNanos) {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        boolean backingOff = now - retryNotBefore < 0;
        if (current != null && (now - current.fetchedAt < ttlNanos || backingOff)) {
            Definition definition = current.find(request.getTemplateName(), request.getLanguage());
            boolean justFetched = now - current.fetchedAt < MIN_REFRESH_NANOS;
            // a PENDING template may have been approved since: look again (at most once a second) rather than refuse
            // an approved template for the rest of the TTL; APPROVED and REJECTED are final
            if (definition != null && (justFetched || backingOff || !definition.isPending())) {
                if (backingOff) {
                    staleChecks.increment();
                }
                return verified(definition, request, parametersSource);
            }
            if (definition == null && (justFetched || backingOff)) {
                return CompletableFuture.failedFuture(notFound(current, request));
            }
        } else if (current == null && backingOff && lastFailure != null) {
            return CompletableFuture.failedFuture(checkFailed(lastFailure, request));
        }
        return refresh().handle((fresh, error) -> {
            Snapshot known = error == null ? fresh : snapshot;
            if (known == null) {
                throw checkFailed(error, request);
            }
            if (error != null) {
                staleChecks.increment();
            }
            Definition definition = known.find(request.getTemplateName(), request.getLanguage());
            if (definition == null) {
                throw notFound(known, request);
            }
            verify(definition, request, parametersSource);
            return null;
        });
    }

    private static CompletableFuture<Void> verified(Definition definition, SendTemplatedMessageRequest request, String source) {
        try {
            verify(definition, request, source);
            return OK;
        } catch (ConnectlyTemplateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Fetches the templates unless a fetch is in flight already, whose result is then shared. */
    public CompletableFuture<Snapshot> refresh() {
        while (true) {
            CompletableFuture<Snapshot> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<Snapshot> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                client.getTemplates().whenComplete((response, error) -> {
                    try {
                        if (error != null) {
                            refreshFailed(error);
                            mine.completeExceptionally(error);
                        } else {
                            Snapshot fresh = new Snapshot(response, System.nanoTime());
                            snapshot = fresh;
                            refreshed();
                            mine.complete(fresh);
                        }
                    } catch (Throwable e) {
                        mine.completeExceptionally(e);
                    } finally {
                        inFlight.set(null);
                    }
                });
                return mine;
            }
        }
    }

    private void refreshFailed(Throwable error) {
        Throwable cause = ConnectlyErrors.unwrap(error);
        refreshFailures.increment();
        lastFailure = cause;
        long wait = backoffNanos;
        if (cause instanceof ConnectlyApiException api && api.getRetryAfter() != null) {
            wait = Math.max(wait, Math.min(api.getRetryAfter().toNanos(), 10 * MAX_BACKOFF_NANOS));
        }
        retryNotBefore = System.nanoTime() + wait;
        backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
        Snapshot known = snapshot;
        if (known != null && outage.compareAndSet(false, true)) {
            LOG.warn("Connectly getTemplates failed ({}): template checks use the templates fetched {} s ago until it works "
                     + "again; next attempt in {} ms at the earliest",
                    cause.getMessage(), (System.nanoTime() - known.fetchedAt) / 1_000_000_000L, wait / 1_000_000L);
        }
    }

    private void refreshed() {
        backoffNanos = FIRST_BACKOFF_NANOS;
        retryNotBefore = System.nanoTime();
        lastFailure = null;
        if (outage.compareAndSet(true, false)) {
            LOG.info("Connectly getTemplates works again: template checks use fresh templates");
        }
    }

    /** The getTemplates failure of a check with no templates at hand, said to be met while checking the template. */
    private static RuntimeException checkFailed(Throwable error, SendTemplatedMessageRequest request) {
        Throwable cause = ConnectlyErrors.unwrap(error);
        if (cause instanceof ConnectlyAuthenticationException auth) {
            String message = "Connectly rejected the API key (HTTP " + auth.getHttpStatus() + ") while checking template '"
                             + request.getTemplateName() + "' (" + request.getLanguage() + ") before sending it: the "
                             + "check lists the templates with getTemplates (validateTemplateParameters=true). Check that "
                             + "apiKey (endpoint option or camel.component.connectly.api-key) is a valid key of the "
                             + "business and may read its templates, or set validateTemplateParameters=false to send "
                             + "without the check."
                             + (auth.getCntTraceId() != null ? " cntTraceId=" + auth.getCntTraceId()
                                                               + " (quote it to Connectly support)." : "");
            return new ConnectlyAuthenticationException(auth.getOperation(), message, auth.getHttpStatus(), auth.getErrorBody(),
                    auth.getRetryAfter(), false, auth.getAttempts());
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /** Forgets the cached templates. */
    public void invalidate() {
        snapshot = null;
    }

    private static void verify(Definition definition, SendTemplatedMessageRequest request, String parametersSource) {
        String from = parametersSource == null ? "" : " (parameters from " + parametersSource + ")";
        MessageTemplate template = definition.template;
        String name = request.getTemplateName();
        String language = request.getLanguage();
        String what = "Template '" + name + "' (" + language + ")";
        if (!template.isApproved()) {
            String reason = template.getRejectionReason() != null ? ", rejectionReason " + template.getRejectionReason() : "";
            throw new ConnectlyTemplateException(ConnectlyTemplateException.Problem.TEMPLATE_NOT_APPROVED, name, language, null,
                    what + " is not approved: status " + template.getStatus() + reason + ". Wait for Meta's approval if "
                    + "pending; if rejected, fix it and create it under a new name (there is no edit API).");
        }
        Set<String> given = new LinkedHashSet<>();
        if (request.getParameters() != null) {
            for (TemplateParameter parameter : request.getParameters()) {
                given.add(parameter.getName());
            }
        }
        for (String variable : definition.variables) {
            if (!given.contains(variable)) {
                throw new ConnectlyTemplateException(ConnectlyTemplateException.Problem.MISSING_PARAMETER, name, language, variable,
                        what + " needs parameter " + variable + ", which is missing" + from + "; it takes "
                        + describe(definition.variables) + ". Set templateParameters." + variable
                        + " or header CamelConnectlyTemplateParameters.");
            }
        }
        for (String parameter : given) {
            if (!definition.variables.contains(parameter)) {
                throw new ConnectlyTemplateException(ConnectlyTemplateException.Problem.UNKNOWN_PARAMETER, name, language, parameter,
                        what + " has no variable " + parameter + from + "; it takes " + describe(definition.variables)
                        + ". Remove " + parameter + " or check templateName and language"
                        + (HEADER_SOURCE.equals(parametersSource)
                                ? "; a CamelConnectlyTemplateParameters header left by an earlier step also applies here: "
                                  + "remove it (removeHeader(\"CamelConnectlyTemplateParameters\")) before this send."
                                : "."));
            }
        }
    }

    private static final String HEADER_SOURCE = "header CamelConnectlyTemplateParameters";

    private static String describe(Set<String> variables) {
        return variables.isEmpty() ? "no parameters" : "exactly " + String.join(", ", variables);
    }

    private static ConnectlyTemplateException notFound(Snapshot snapshot, SendTemplatedMessageRequest request) {
        String name = request.getTemplateName();
        String language = request.getLanguage();
        List<String> languages = snapshot.response.languagesOf(name);
        String message = languages.isEmpty()
                ? "No template named '" + name + "' at Connectly: check templateName (getTemplates lists the templates)."
                : "Template '" + name + "' has no '" + language + "' translation; it exists in: " + String.join(", ", languages)
                  + ". Set language to one of them.";
        return new ConnectlyTemplateException(ConnectlyTemplateException.Problem.TEMPLATE_NOT_FOUND, name, language, null, message);
    }

    /** One template and the parameter names it takes. */
    static final class Definition {
        final MessageTemplate template;
        final Set<String> variables;

        Definition(MessageTemplate template) {
            this.template = template;
            this.variables = Collections.unmodifiableSet(variablesOf(template));
        }

        boolean isPending() {
            return MessageTemplate.STATUS_PENDING.equals(template.getStatus());
        }
    }

    /** The templates as fetched at one moment, indexed by name and language. */
    public static final class Snapshot {
        final GetTemplatesResponse response;
        final long fetchedAt;
        private final Map<String, Definition> byKey = new HashMap<>();

        Snapshot(GetTemplatesResponse response, long fetchedAt) {
            this.response = response;
            this.fetchedAt = fetchedAt;
            response.templateGroups().forEach(group -> {
                if (group.getTemplates() != null) {
                    group.getTemplates().forEach(template -> {
                        if (template != null && template.languageCode() != null) {
                            byKey.put(key(group.getName(), template.languageCode()), new Definition(template));
                        }
                    });
                }
            });
        }

        private static String key(String name, String language) {
            return name + '\u0000' + (language == null ? "" : language.toLowerCase(Locale.ROOT));
        }

        Definition find(String name, String language) {
            return byKey.get(key(name, language));
        }

        public GetTemplatesResponse getResponse() {
            return response;
        }
    }
}
