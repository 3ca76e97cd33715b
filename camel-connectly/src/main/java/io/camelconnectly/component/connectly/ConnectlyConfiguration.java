package io.camelconnectly.component.connectly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of a {@code connectly:} endpoint. The component holds one instance whose values are the defaults copied into
 * every endpoint it creates.
 */
@UriParams
public class ConnectlyConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.connectly.ai";
    public static final String DEFAULT_WEBHOOK_PATH = "/connectly/webhook";

    @UriPath(description = "The Connectly operation to call, or webhook to receive Connectly's webhook posts.")
    @Metadata(required = true)
    private ConnectlyOperation operation;

    // ---- common

    @UriParam(label = "security", secret = true,
              description = "The Connectly API key, sent as the X-API-Key header. Never logged nor shown in the endpoint URI.")
    private String apiKey;
    @UriParam(description = "The Connectly business id: the {businessId} of /v1/businesses/{businessId}/...")
    private String businessId;
    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The Connectly API base URL: scheme, host and port (and a gateway's path prefix, if any), without "
                            + "/v1/businesses/..., which the component adds (a baseUrl containing it is refused at start). "
                            + "Point it at connectly-simulator for local runs and tests.")
    private String baseUrl = DEFAULT_BASE_URL;

    // ---- producer: per-message values, each overridable by its CamelConnectly<Name> header

    @UriParam(label = "producer",
              description = "The customer's WhatsApp number in E.164 (a plus sign, the country code, then the number), e.g. "
                            + "%2B16045550123 in a URI; a space where the plus sign was (a URI decodes a plus sign to a space) "
                            + "is read as the plus sign. A national number needs defaultRegion. A business-scoped user id "
                            + "(bsuid:...) is passed as given. Header CamelConnectlyRecipient wins.")
    private String recipient;
    @UriParam(label = "producer",
              description = "The business WhatsApp number to send from, in E.164; needed only when the business has several. "
                            + "Header CamelConnectlySender wins.")
    private String sender;
    @UriParam(label = "producer",
              description = "The ISO 3166 region (e.g. CA, US, DE) of phone numbers written without the plus sign and country "
                            + "code, such as (604) 555-0123 from a CRM: they are converted to E.164 for that region. Without it, "
                            + "only international numbers are accepted. Header CamelConnectlyDefaultRegion wins.")
    private String defaultRegion;
    @UriParam(label = "producer",
              description = "A JSON value echoed by Connectly in the webhooks related to the sent message (at most 1024 bytes): "
                            + "JSON object or array text is sent as that JSON, other text as a JSON string. "
                            + "Header CamelConnectlyCallbackData wins.")
    private String callbackData;
    @UriParam(label = "producer", description = "The approved template name (sendTemplatedMessage). "
                                                + "Header CamelConnectlyTemplateName wins.")
    private String templateName;
    @UriParam(label = "producer", defaultValue = "en",
              description = "The template language code, e.g. en, en_US, pt_BR. Header CamelConnectlyLanguage wins.")
    private String language = "en";
    @UriParam(label = "producer", prefix = "templateParameters.", multiValue = true,
              description = "Template parameters, name to value: templateParameters.body_1=Ana&templateParameters.body_2=A-1001. "
                            + "Header CamelConnectlyTemplateParameters (a Map) wins.")
    private Map<String, Object> templateParameters;
    @UriParam(label = "producer",
              description = "sendMessage: an approved template to send instead when the customer's 24-hour window is closed. "
                            + "Known closed (the webhook consumer of this component saw the customer's last message more than "
                            + "24 hours ago): the template goes out directly; unknown: the session message is tried first and "
                            + "the template sent once if Connectly refuses it for the window. Its parameters come from "
                            + "templateParameters. Header CamelConnectlyFallbackTemplateName wins.")
    private String fallbackTemplateName;
    @UriParam(label = "producer",
              description = "The fallback template's language code; when not set, the language option (or header "
                            + "CamelConnectlyLanguage). Header CamelConnectlyFallbackLanguage wins.")
    private String fallbackLanguage;
    @UriParam(label = "producer", description = "The Flow Builder campaign to send out (sendCampaign), or an analytics tag "
                                                + "on sends. Header CamelConnectlyCampaignName wins.")
    private String campaignName;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Let the same customer receive the same campaign more than once: sets "
                            + "options.if_duplicate_check_unspecified = allow_multiple. Header CamelConnectlyAllowDuplicates wins.")
    private boolean allowDuplicates;
    @UriParam(label = "producer", description = "The webhook registration id for updateWebhook and deleteWebhook. "
                                                + "Header CamelConnectlyWebhookId wins.")
    private String webhookId;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Check template parameters against the template's definition (fetched with getTemplates and "
                            + "cached) before sending, so a missing or extra variable or an unapproved template fails before "
                            + "Connectly is called.")
    private boolean validateTemplateParameters = true;
    @UriParam(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long fetched template definitions are cached for parameter validation.")
    private long templateCacheTtl = 60000;

    // ---- calls to Connectly (producers, and webhook auto-registration): retries

    @UriParam(label = "advanced", defaultValue = "4",
              description = "Attempts in all for one request (1 = no retry). Retried: 429, a 503 with Retry-After or "
                            + "Connectly's error body, connection refused; 502, 504, other 503s and timeouts only for reads or "
                            + "with retryAmbiguousFailures.")
    private int retryMaxAttempts = 4;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Upper bound on the time one call may wait, to retry, for a 429's Retry-After or for a pooled "
                            + "connection: a call ends, answered or with a typed exception, within it plus one attempt's "
                            + "connectTimeout and responseTimeout.")
    private long retryMaxElapsed = 30000;
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "First backoff delay; doubled on each retry, with full jitter, capped by retryMaxDelay.")
    private long retryInitialDelay = 500;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Largest backoff delay between two attempts (a longer Retry-After is honoured within retryMaxElapsed).")
    private long retryMaxDelay = 10000;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Also retry sends and creates after 502, 504, a 503 without Retry-After or Connectly's error "
                            + "body, or a response timeout, where Connectly may have processed the request already: a retry can "
                            + "then deliver a message twice.")
    private boolean retryAmbiguousFailures;
    @UriParam(label = "advanced", defaultValue = "1000",
              description = "The most calls to the Connectly account (all endpoints of the component that call it with the "
                            + "same transport settings) that may wait at once, to retry or for a 429's Retry-After to pass. A "
                            + "call of this endpoint that would wait beyond it fails at once with the failure it got (after a "
                            + "429: ConnectlyRateLimitedException), so a sustained 429 storm holds bounded memory; 0 lets no "
                            + "call wait.")
    private int retryMaxWaiting = 1000;

    // ---- calls to Connectly: HTTP

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Time allowed to establish a connection to Connectly.")
    private long connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Time allowed for Connectly's response once the request is sent.")
    private long responseTimeout = 30000;
    @UriParam(label = "advanced", defaultValue = "200",
              description = "Most pooled keep-alive connections the endpoint keeps open to Connectly.")
    private int maxConnections = 200;
    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "HTTP proxy port; 8080 when proxyHost is set without it.")
    private Integer proxyPort;
    @UriParam(label = "proxy", secret = true, description = "HTTP proxy user name.")
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true, description = "HTTP proxy password.")
    private String proxyPassword;
    @UriParam(label = "security", description = "TLS settings (trust store, key store, protocols) for calls to Connectly.")
    private SSLContextParameters sslContextParameters;

    // ---- consumer: webhook

    @UriParam(label = "consumer", defaultValue = DEFAULT_WEBHOOK_PATH,
              description = "The HTTP path Connectly posts webhooks to, served by the application's platform-http server.")
    private String webhookPath = DEFAULT_WEBHOOK_PATH;
    @UriParam(label = "consumer",
              description = "Comma-separated topics to pass to the route: messages, delivery_status. Empty passes all; "
                            + "events of other topics are acknowledged and dropped.")
    private String topics;
    @UriParam(label = "consumer,security", secret = true,
              description = "The webhook secret that signs x-connectly-hmac-sha256. Several comma-separated secrets are all "
                            + "accepted, to rotate a secret without downtime.")
    private String webhookSecret;
    @UriParam(label = "consumer", defaultValue = "1048576",
              description = "Largest webhook body accepted, in bytes; a larger one is answered 413. On Vert.x (Camel Main) the "
                            + "server's camel.server.maxBodySize bounds reading and must be set; a servlet engine's body "
                            + "stream is read no further than this.")
    private int maxBodySize = 1048576;
    @UriParam(label = "consumer",
              description = "Where webhook events are remembered so a redelivery is processed once. Default: an in-memory "
                            + "repository of 10000 entries (one instance). Several instances: a shared "
                            + "JdbcLeasedIdempotentRepository, whose in-flight marks expire when an instance dies. Any "
                            + "repository but the in-memory one is called on the consumer's own threads.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "On start, register webhookExternalUrl for the chosen topics (needs apiKey and businessId): "
                            + "a registration to the same address is left alone, a missing one is created, and a topic "
                            + "registered to another address is moved to this one (WARN; Connectly allows one address per "
                            + "topic). Calls use the endpoint's retries, timeouts, TLS and proxy settings.")
    private boolean webhookAutoRegister;
    @UriParam(label = "consumer",
              description = "The public HTTPS address Connectly should post to (used by webhookAutoRegister), e.g. "
                            + "https://example.com/connectly/webhook.")
    private String webhookExternalUrl;

    /**
     * A copy for one endpoint. Mutable values get their own instance: an endpoint URI adds its
     * {@code templateParameters.*} to its copy's map, never to the component's or another endpoint's. Shared services
     * (sslContextParameters, idempotentRepository) stay shared on purpose.
     */
    public ConnectlyConfiguration copy() {
        try {
            ConnectlyConfiguration copy = (ConnectlyConfiguration) clone();
            if (templateParameters != null) {
                copy.templateParameters = deepCopy(templateParameters);
            }
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Maps and lists at any depth get their own instances (a value bound from a bean may be a list or a map). */
    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    public ConnectlyOperation getOperation() {
        return operation;
    }

    public void setOperation(ConnectlyOperation operation) {
        this.operation = operation;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBusinessId() {
        return businessId;
    }

    public void setBusinessId(String businessId) {
        this.businessId = businessId;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getDefaultRegion() {
        return defaultRegion;
    }

    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public String getCallbackData() {
        return callbackData;
    }

    public void setCallbackData(String callbackData) {
        this.callbackData = callbackData;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Map<String, Object> getTemplateParameters() {
        return templateParameters;
    }

    public void setTemplateParameters(Map<String, Object> templateParameters) {
        this.templateParameters = templateParameters;
    }

    public String getFallbackTemplateName() {
        return fallbackTemplateName;
    }

    public void setFallbackTemplateName(String fallbackTemplateName) {
        this.fallbackTemplateName = fallbackTemplateName;
    }

    public String getFallbackLanguage() {
        return fallbackLanguage;
    }

    public void setFallbackLanguage(String fallbackLanguage) {
        this.fallbackLanguage = fallbackLanguage;
    }

    public String getCampaignName() {
        return campaignName;
    }

    public void setCampaignName(String campaignName) {
        this.campaignName = campaignName;
    }

    public boolean isAllowDuplicates() {
        return allowDuplicates;
    }

    public void setAllowDuplicates(boolean allowDuplicates) {
        this.allowDuplicates = allowDuplicates;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public boolean isValidateTemplateParameters() {
        return validateTemplateParameters;
    }

    public void setValidateTemplateParameters(boolean validateTemplateParameters) {
        this.validateTemplateParameters = validateTemplateParameters;
    }

    public long getTemplateCacheTtl() {
        return templateCacheTtl;
    }

    public void setTemplateCacheTtl(long templateCacheTtl) {
        this.templateCacheTtl = templateCacheTtl;
    }

    public int getRetryMaxAttempts() {
        return retryMaxAttempts;
    }

    public void setRetryMaxAttempts(int retryMaxAttempts) {
        this.retryMaxAttempts = retryMaxAttempts;
    }

    public long getRetryMaxElapsed() {
        return retryMaxElapsed;
    }

    public void setRetryMaxElapsed(long retryMaxElapsed) {
        this.retryMaxElapsed = retryMaxElapsed;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isRetryAmbiguousFailures() {
        return retryAmbiguousFailures;
    }

    public void setRetryAmbiguousFailures(boolean retryAmbiguousFailures) {
        this.retryAmbiguousFailures = retryAmbiguousFailures;
    }

    public int getRetryMaxWaiting() {
        return retryMaxWaiting;
    }

    public void setRetryMaxWaiting(int retryMaxWaiting) {
        this.retryMaxWaiting = retryMaxWaiting;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isWebhookAutoRegister() {
        return webhookAutoRegister;
    }

    public void setWebhookAutoRegister(boolean webhookAutoRegister) {
        this.webhookAutoRegister = webhookAutoRegister;
    }

    public String getWebhookExternalUrl() {
        return webhookExternalUrl;
    }

    public void setWebhookExternalUrl(String webhookExternalUrl) {
        this.webhookExternalUrl = webhookExternalUrl;
    }

    /** Deliberately leaves out every secret. */
    @Override
    public String toString() {
        return "ConnectlyConfiguration[operation=" + operation + ", businessId=" + businessId + ", baseUrl=" + baseUrl + "]";
    }
}
