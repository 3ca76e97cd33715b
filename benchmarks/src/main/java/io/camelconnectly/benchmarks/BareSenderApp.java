package io.camelconnectly.benchmarks;

import java.util.Map;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * The producer benchmark's baseline, in its own JVM: a {@link BareRequest} per message, no Camel.
 * <p>
 * Usage: {@code BareSenderApp BASE_URL}; then the commands of {@link ClosedLoop#serve}.
 */
public final class BareSenderApp {

    private BareSenderApp() {
    }

    public static void main(String[] args) throws Exception {
        try (BareRequest bare = new BareRequest(args[0])) {
            ChildCommands common = new ChildCommands();
            Protocol.reply("ready", Map.of("side", "bare"));
            ClosedLoop.serve(done -> bare.send(new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    done.complete(BareRequest.accepted(response));
                }

                @Override
                public void failed(Exception ex) {
                    done.complete(false);
                }

                @Override
                public void cancelled() {
                    done.complete(false);
                }
            }), common);
        }
    }
}
