package io.camelconnectly.component.connectly;

import io.camelconnectly.simulator.ConnectlySimulatorExtension;

/** A connectly component pointed at the test's simulator, configured on the component as the README advises. */
final class SimulatorComponents {

    private SimulatorComponents() {
    }

    /** With quick retries, so tests that exercise them stay fast. */
    static ConnectlyComponent connectlyFor(ConnectlySimulatorExtension sim) {
        ConnectlyComponent component = new ConnectlyComponent();
        component.getConfiguration().setApiKey(sim.apiKey());
        component.getConfiguration().setBusinessId(sim.businessId());
        component.getConfiguration().setBaseUrl(sim.baseUrl());
        component.getConfiguration().setRetryInitialDelay(5);
        component.getConfiguration().setRetryMaxDelay(50);
        return component;
    }
}
