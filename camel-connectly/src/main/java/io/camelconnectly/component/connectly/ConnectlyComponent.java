package io.camelconnectly.component.connectly;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.camelconnectly.component.connectly.client.ConnectlyConnections;
import io.camelconnectly.component.connectly.window.ConversationWindowRepository;
import io.camelconnectly.component.connectly.window.ConversationWindows;
import io.camelconnectly.component.connectly.window.MemoryConversationWindowRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code connectly:} component. Options set here ({@code camel.component.connectly.api-key=...}) are the defaults of
 * every endpoint; an endpoint URI option wins over them.
 */
@Component(ConnectlyConstants.SCHEME)
public class ConnectlyComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Default options for every connectly endpoint.")
    private ConnectlyConfiguration configuration = new ConnectlyConfiguration();

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced",
              description = "Where the component remembers when each customer last wrote to each business number (the 24-hour "
                            + "windows): recorded by its connectly:webhook consumers, read by sendMessage with a fallback "
                            + "template. Default: in memory, the last 10000 customers. Use a JdbcConversationWindowRepository "
                            + "when several instances run or the consumer runs in another application.")
    private ConversationWindowRepository conversationWindowRepository;

    /** Made on first use, shared by every endpoint of this component; stopped with the component. */
    private ConversationWindows conversationWindows;
    /** The in-memory default, kept across restarts of the component with what it knows. */
    private MemoryConversationWindowRepository defaultConversationWindowRepository;

    /** The HTTP clients shared by this component's endpoints, one per Connectly account and transport settings. */
    private final ConnectlyConnections connections = new ConnectlyConnections(this);

    /** Environment variables the component reads a secret from when no option sets it. */
    public static final String ENV_API_KEY = "CONNECTLY_API_KEY";
    public static final String ENV_WEBHOOK_SECRET = "CONNECTLY_WEBHOOK_SECRET";
    public static final String ENV_PROXY_PASSWORD = "CONNECTLY_PROXY_PASSWORD";

    /**
     * Option names whose values Camel must mask, beyond its built-in list (which has apikey and proxypassword, not
     * webhooksecret): Camel Main's startup summary then prints {@code webhookSecret = xxxxxx}.
     */
    static final String SENSITIVE_KEYWORDS = "webhooksecret";

    /** Where environment variables are read; replaced in tests. */
    private Function<String, String> environment = System::getenv;

    public ConnectlyComponent() {
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            // before Camel Main binds camel.component.connectly.* and logs its summary
            addSensitiveKeywords(camelContext);
        }
    }

    static void addSensitiveKeywords(CamelContext camelContext) {
        ExtendedCamelContext extension = camelContext.getCamelContextExtension();
        String current = extension.getAdditionalSensitiveKeywords();
        if (current == null || current.isBlank()) {
            extension.setAdditionalSensitiveKeywords(SENSITIVE_KEYWORDS);
        } else if (!current.toLowerCase(Locale.ROOT).contains(SENSITIVE_KEYWORDS)) {
            extension.setAdditionalSensitiveKeywords(current + "," + SENSITIVE_KEYWORDS);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ConnectlyConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(ConnectlyOperation.parse("Endpoint " + ConnectlyConstants.SCHEME + ":" + remaining,
                remaining));
        ConnectlyEndpoint endpoint = new ConnectlyEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        secretsFromEnvironment(endpointConfiguration);
        return endpoint;
    }

    /**
     * Secrets that no option sets are read from the environment by the component itself: no Camel property placeholder
     * resolves them, so no Camel log prints them at any level (Camel Main logs property values, and its placeholder
     * parser resolved values, at DEBUG).
     */
    private void secretsFromEnvironment(ConnectlyConfiguration endpointConfiguration) {
        if (endpointConfiguration.getApiKey() == null) {
            endpointConfiguration.setApiKey(fromEnvironment(ENV_API_KEY));
        }
        if (endpointConfiguration.getWebhookSecret() == null) {
            endpointConfiguration.setWebhookSecret(fromEnvironment(ENV_WEBHOOK_SECRET));
        }
        if (endpointConfiguration.getProxyPassword() == null && endpointConfiguration.getProxyUsername() != null) {
            endpointConfiguration.setProxyPassword(fromEnvironment(ENV_PROXY_PASSWORD));
        }
    }

    private String fromEnvironment(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    void setEnvironment(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The conversation windows of this component (its repository and, for a blocking one, its executor), started. */
    synchronized ConversationWindows conversationWindows() {
        if (conversationWindows == null) {
            ConversationWindowRepository repository = conversationWindowRepository;
            if (repository == null) {
                if (defaultConversationWindowRepository == null) {
                    defaultConversationWindowRepository = new MemoryConversationWindowRepository();
                }
                repository = defaultConversationWindowRepository;
            }
            ConversationWindows windows = new ConversationWindows(getCamelContext(), this, repository);
            ServiceHelper.startService(windows);
            conversationWindows = windows;
        }
        return conversationWindows;
    }

    @Override
    protected void doStop() throws Exception {
        ConversationWindows windows;
        synchronized (this) {
            windows = conversationWindows;
            conversationWindows = null;
        }
        ServiceHelper.stopService(windows);
        super.doStop();
    }

    public ConversationWindowRepository getConversationWindowRepository() {
        return conversationWindowRepository;
    }

    public void setConversationWindowRepository(ConversationWindowRepository conversationWindowRepository) {
        this.conversationWindowRepository = conversationWindowRepository;
    }

    /** The HTTP clients this component's endpoints share (one per account and transport settings). */
    public ConnectlyConnections getConnections() {
        return connections;
    }

    public ConnectlyConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ConnectlyConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
