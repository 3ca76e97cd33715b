package io.camelconnectly.component.connectly;

import java.util.List;

import io.camelconnectly.simulator.ConnectlySimulatorExtension;
import io.camelconnectly.simulator.RecordedRequest;

/** What a test's sends made the simulator receive: marks in its request log, and the send calls after a mark. */
final class SimulatorRequests {

    private SimulatorRequests() {
    }

    /** The sequence number of the last request received so far (0 when none). */
    static long mark(ConnectlySimulatorExtension sim) {
        List<RecordedRequest> requests = sim.requests();
        return requests.isEmpty() ? 0 : requests.get(requests.size() - 1).sequence();
    }

    /** The send calls (session, template, campaign) received after {@code mark}, oldest first. */
    static List<RecordedRequest> sendsAfter(ConnectlySimulatorExtension sim, long mark) {
        return sim.requests().stream().filter(r -> r.sequence() > mark && r.path().contains("/send/")).toList();
    }

    /** The request path of an operation, e.g. {@code send/messages}. */
    static String path(ConnectlySimulatorExtension sim, String operation) {
        return "/v1/businesses/" + sim.businessId() + "/" + operation;
    }
}
