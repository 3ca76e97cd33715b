/**
 * A local Connectly for tests, examples and benchmarks.
 *
 * <p>Entry points: {@link io.camelconnectly.simulator.ConnectlySimulator} (embed: builder, start, base URL,
 * simulated customers, movable clock, recorded requests and webhook deliveries, injected
 * {@link io.camelconnectly.simulator.Fault}s with counts of what took effect, auto-replying customers, and
 * {@link io.camelconnectly.simulator.EventRun} reliability runs),
 * {@link io.camelconnectly.simulator.ConnectlySimulatorExtension} (JUnit 5) and
 * {@link io.camelconnectly.simulator.Main} (the runnable jar). The wire shapes the simulator is least sure of are
 * kept in one place each: template components in {@code TemplateShape}, webhook bodies in {@code WebhookPayloads},
 * webhook filters and channelTypes in {@code WebhookConfiguration}, and the documented choices about unknown
 * behaviour in {@code ConnectlyApi}.
 */
package io.camelconnectly.simulator;
