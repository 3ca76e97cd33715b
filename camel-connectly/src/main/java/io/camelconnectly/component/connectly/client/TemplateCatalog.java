package io.camelconnectly.component.connectly.client;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.MessageTemplate;
import io.camelconnectly.component.connectly.model.SendTemplatedMessageRequest;
import io.camelconnectly.component.connectly.model.TemplateButton;
import io.camelconnectly.component.connectly.model.TemplateComponent;
import io.camelconnectly.component.connectly.model.TemplateParameter;

/**
 * The template definitions of one endpoint's business, fetched with getTemplates through the endpoint's client and
 * cached for {@code templateCacheTtl}; checks a templated message against them before it is sent. Concurrent checks
 * share one in-flight fetch; a template missing from a cached list triggers one refresh (so a template approved since is
 * found), at most once a second; so does a template cached as PENDING (so its approval is seen).
 */
public final class TemplateCatalog {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\d+)\\s*\\}\\}");
    private static final long MIN_REFRESH_NANOS = 1_000_000_000L;
    private static final CompletableFuture<Void> OK = CompletableFuture.completedFuture(null);

    private final ConnectlyClient client;
    private final long ttlNanos;
    private final AtomicReference<CompletableFuture<Snapshot>> inFlight = new AtomicReference<>();
    private volatile Snapshot snapshot;

    public TemplateCatalog(ConnectlyClient client, long ttlMillis) {
        this.client = client;
        this.ttlNanos = Math.max(0, ttlMillis) * 1_000_000L;
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
     * Checks a templated message against its template. Completes at once when the cache is fresh; fails with a
     * {@link ConnectlyTemplateException} (or the getTemplates failure) otherwise.
     */
    public CompletableFuture<Void> check(SendTemplatedMessageRequest request) {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - current.fetchedAt < ttlNanos) {
            Definition definition = current.find(request.getTemplateName(), request.getLanguage());
            boolean fresh = now - current.fetchedAt < MIN_REFRESH_NANOS;
            // a PENDING template may have been approved since: look again (at most once a second) rather than refuse
            // an approved template for the rest of the TTL; APPROVED and REJECTED are final
            if (definition != null && (fresh || !definition.isPending())) {
                try {
                    verify(definition, request);
                    return OK;
                } catch (ConnectlyTemplateException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            if (definition == null && fresh) {
                return CompletableFuture.failedFuture(notFound(current, request));
            }
        }
        return refresh().thenAccept(fresh -> {
            Definition definition = fresh.find(request.getTemplateName(), request.getLanguage());
            if (definition == null) {
                throw notFound(fresh, request);
            }
            verify(definition, request);
        });
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
                    inFlight.set(null);
                    if (error != null) {
                        mine.completeExceptionally(error);
                    } else {
                        try {
                            Snapshot fresh = new Snapshot(response, System.nanoTime());
                            snapshot = fresh;
                            mine.complete(fresh);
                        } catch (Throwable e) {
                            mine.completeExceptionally(e);
                        }
                    }
                });
                return mine;
            }
        }
    }

    /** Forgets the cached templates. */
    public void invalidate() {
        snapshot = null;
    }

    private static void verify(Definition definition, SendTemplatedMessageRequest request) {
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
                        what + " needs parameter " + variable + ", which is missing; it takes " + describe(definition.variables)
                        + ". Set templateParameters." + variable + " or header CamelConnectlyTemplateParameters.");
            }
        }
        for (String parameter : given) {
            if (!definition.variables.contains(parameter)) {
                throw new ConnectlyTemplateException(ConnectlyTemplateException.Problem.UNKNOWN_PARAMETER, name, language, parameter,
                        what + " has no variable " + parameter + "; it takes " + describe(definition.variables) + ". Remove "
                        + parameter + " or check templateName and language.");
            }
        }
    }

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
