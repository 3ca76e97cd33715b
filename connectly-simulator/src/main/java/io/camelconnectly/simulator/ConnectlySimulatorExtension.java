package io.camelconnectly.simulator;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link ConnectlySimulator} around JUnit 5 tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ConnectlySimulatorExtension connectly = new ConnectlySimulatorExtension(
 *         ConnectlySimulator.builder().templateApprovalDelay(Duration.ofMillis(200)));
 *
 * @Test
 * void sends(ConnectlySimulator sim) { ... connectly.baseUrl() ... }
 * }</pre>
 *
 * A static field (or {@code @ExtendWith(ConnectlySimulatorExtension.class)}) starts one simulator for the class;
 * an instance field starts one per test. Test methods and constructors may take a {@link ConnectlySimulator}
 * parameter. Needs junit-jupiter-api on the test classpath (the simulator declares it {@code provided}).
 */
public final class ConnectlySimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final ConnectlySimulator.Builder builder;
    private ConnectlySimulator simulator;
    private boolean perClass;
    /** Class nesting depth (@Nested classes call beforeAll again): the outermost class owns the simulator. */
    private int classDepth;

    /** A simulator with the default settings on a free port. */
    public ConnectlySimulatorExtension() {
        this(ConnectlySimulator.builder());
    }

    public ConnectlySimulatorExtension(ConnectlySimulator.Builder builder) {
        this.builder = builder;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            simulator = builder.build().start();
            perClass = true;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = builder.build().start();
            perClass = false;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ConnectlySimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return get();
    }

    /** The running simulator. */
    public ConnectlySimulator get() {
        if (simulator == null) {
            throw new IllegalStateException("the Connectly simulator runs only while tests run (register the extension)");
        }
        return simulator;
    }

    public String baseUrl() {
        return get().baseUrl();
    }

    public String apiKey() {
        return get().apiKey();
    }

    public String businessId() {
        return get().businessId();
    }

    public String webhookSecret() {
        return get().webhookSecret();
    }

    public SimulatorClock clock() {
        return get().clock();
    }

    public ConnectlySimulator.Customer customer(String number) {
        return get().customer(number);
    }

    public List<RecordedRequest> requests() {
        return get().requests();
    }

    public List<WebhookDelivery> webhookDeliveries() {
        return get().webhookDeliveries();
    }
}
