package io.camelconnectly.component.connectly;

import java.util.Map;

import io.camelconnectly.component.connectly.client.ConnectlyConnections;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

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

    /** The HTTP clients shared by this component's endpoints, one per Connectly account and transport settings. */
    private final ConnectlyConnections connections = new ConnectlyConnections(this);

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
