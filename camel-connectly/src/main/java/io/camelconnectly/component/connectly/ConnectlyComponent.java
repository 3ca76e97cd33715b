package io.camelconnectly.component.connectly;

import java.util.Map;

import io.camelconnectly.component.connectly.window.ConversationWindowRepository;
import io.camelconnectly.component.connectly.window.ConversationWindows;
import io.camelconnectly.component.connectly.window.MemoryConversationWindowRepository;
import org.apache.camel.Endpoint;
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

    public ConnectlyComponent() {
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
        return endpoint;
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
