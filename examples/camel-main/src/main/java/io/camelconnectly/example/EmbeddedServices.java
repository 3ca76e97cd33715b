package io.camelconnectly.example;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelconnectly.component.connectly.dedupe.JdbcLeasedIdempotentRepository;
import io.camelconnectly.component.connectly.window.JdbcConversationWindowRepository;
import io.camelconnectly.example.crm.CrmStandIn;
import io.camelconnectly.simulator.ConnectlySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the example needs besides its routes, started before the routes and stopped after them: the Connectly
 * simulator (unless {@code CONNECTLY_API_KEY} is set: live mode), the database, GreenMail and the CRM stand-in (all four
 * at once, on threads of their own), and, once the routes run, the list of URLs to open, the first minute's seed data
 * and Hawtio (in the background, so it does not delay the routes).
 *
 * <p>Each embedded part can be replaced by a real one through properties (see {@code application.properties}); the
 * values it computes (the simulator's coordinates, ports picked at start) are set as override properties, which the
 * routes then read as {@code {{...}}} placeholders.
 */
final class EmbeddedServices extends ServiceSupport implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

    static final String WEBHOOK_PATH = "/connectly/webhook";
    static final String CRM_EVENTS_PATH = "/crm/events";

    private final CamelContext context;
    private final ExampleSettings settings;
    /** What to close at stop, last started first. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean live;
    private boolean seed;
    private String serverBaseUrl;
    private ConnectlySimulator simulator;
    private Database database;
    private GreenMail greenMail;
    private CrmStandIn crm;
    private volatile HawtioServer hawtio;

    EmbeddedServices(CamelContext context) {
        this.context = context;
        this.settings = new ExampleSettings(context);
    }

    @Override
    protected void doStart() throws Exception {
        try {
            startEverything();
        } catch (Exception e) {
            closeAll();
            throw e;
        }
    }

    private void startEverything() throws Exception {
        for (String ignored : new String[] { "CAMEL_SERVER_PORT", "CAMEL_MANAGEMENT_PORT" }) {
            if (System.getenv(ignored) != null) {
                // Camel Main skips environment variables ending in _PORT (it takes them for Kubernetes services)
                throw new IllegalArgumentException("Environment variable " + ignored + " is ignored by Camel Main: set "
                                                   + ignored.replace("CAMEL_", "EXAMPLE_") + " instead");
            }
        }
        Registry registry = context.getRegistry();
        String serverHost = settings.text("camel.server.host");
        int serverPort = settings.port("camel.server.port");
        serverBaseUrl = "http://" + reachable(serverHost) + ":" + serverPort;
        if (settings.optional("example.instance-id").isEmpty()) {
            settings.override("example.instance-id", ProcessHandle.current().pid() + "@" + InetAddress.getLocalHost().getHostName());
        }

        live = settings.optional("connectly.api-key").isPresent();
        if (live) {
            configureLiveConnectly();
        }
        seed = settings.flag("example.seed.enabled", !live);
        settings.override("example.templates.create-missing", settings.flag("example.templates.create-missing", !live));
        startEmbeddedParts();
        if (simulator != null) {
            useSimulator();
            registry.bind("connectlySimulator", simulator);
        }
        registry.bind("dataSource", database.dataSource());
        // the customers' 24-hour windows, recorded by the webhook consumer and read by window-aware sends
        // (camel.component.connectly.conversation-window-repository), shared by every instance on the database
        registry.bind("conversationWindows", new JdbcConversationWindowRepository(database.dataSource()));
        // shared by every instance on the database: a webhook or a mail is processed once, whichever instance
        // receives it; an instance that dies mid-way leaves a lease that expires, so nothing is lost
        registry.bind("webhookDedupe", dedupeRepository(JdbcLeasedIdempotentRepository.DEFAULT_PROCESSOR_NAME));
        registry.bind("mailDedupe", dedupeRepository("mail-inbox"));
        if (greenMail != null) {
            useGreenMail();
            registry.bind("greenMail", greenMail);
        }
        if (crm != null) {
            settings.override("example.crm.base-url", crm.baseUrl());
            registry.bind("crmStandIn", crm);
        }

        // flows hop onto these threads for JDBC, file and mail work after a connectly: producer answered on the HTTP
        // client's I/O thread
        registry.bind("blockingWork", context.getExecutorServiceManager().newThreadPool(this, "blocking-work", 2, 8));
        registry.bind("crmEventToken", new BearerToken(settings.text("example.crm.event.token")));
        registry.bind("crmApiToken", new BearerToken(settings.text("example.crm.api.token")));

        Path campaigns = Path.of(settings.text("example.campaign.dir"));
        for (String folder : new String[] { "inbox", "done", "error" }) {
            Files.createDirectories(campaigns.resolve(folder));
        }
        if (settings.flag("example.hawtio.enabled")) {
            HawtioServer.checkAddress(settings.text("example.hawtio.host"));
        }
    }

    private void configureLiveConnectly() {
        for (String required : new String[] { "connectly.business-id", "connectly.webhook.secret" }) {
            if (settings.optional(required).isEmpty()) {
                throw new IllegalArgumentException("Live mode (CONNECTLY_API_KEY is set) also needs "
                                                   + ExampleSettings.environmentVariable(required)
                                                   + ": set it from your Connectly dashboard");
            }
        }
        Optional<String> externalUrl = settings.optional("connectly.webhook-external-url");
        settings.override("connectly.webhook-auto-register", externalUrl.isPresent());
        LOG.info("Live mode: Connectly at {} (CONNECTLY_API_KEY is set); the simulator is not started", settings.text("connectly.base-url"));
        if (externalUrl.isEmpty()) {
            LOG.info("CONNECTLY_WEBHOOK_EXTERNAL_URL is not set: register your public HTTPS address for {} in Connectly "
                     + "yourself, or set it to have it registered at start", WEBHOOK_PATH);
        }
    }

    /**
     * Starts the simulator, the database, GreenMail and the CRM stand-in at the same time (they do not depend on each
     * other, and most of their start is class loading, which runs in parallel), and logs how long each took. Each part
     * started is closed at stop, also when another failed to start.
     */
    private void startEmbeddedParts() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "example-start");
            thread.setDaemon(true);
            return thread;
        });
        long begin = System.nanoTime();
        Map<String, Long> tookMillis = new ConcurrentHashMap<>();
        try {
            Future<ConnectlySimulator> simulatorStart = live ? null : timed(threads, "simulator", this::startSimulator, tookMillis);
            Future<Database> databaseStart = timed(threads, "database", () -> Database.open(settings.text("example.db.url"),
                    settings.optional("example.db.username").orElse(null), settings.optional("example.db.password").orElse(null),
                    settings.positive("example.db.pool-size")), tookMillis);
            Future<GreenMail> mailStart = settings.flag("example.mail.embedded")
                    ? timed(threads, "GreenMail", this::startGreenMail, tookMillis) : null;
            Future<CrmStandIn> crmStart = settings.flag("example.crm.embedded")
                    ? timed(threads, "CRM stand-in", () -> new CrmStandIn("127.0.0.1", settings.port("example.crm.port"),
                            URI.create(serverBaseUrl + CRM_EVENTS_PATH), settings.text("example.crm.api.token"),
                            settings.text("example.crm.event.token")).start(), tookMillis)
                    : null;
            List<Exception> failures = new ArrayList<>();
            simulator = started(simulatorStart, failures, s -> s);
            database = started(databaseStart, failures, d -> d);
            greenMail = started(mailStart, failures, mail -> mail::stop);
            crm = started(crmStart, failures, c -> c);
            if (!failures.isEmpty()) {
                Exception first = failures.get(0);
                failures.subList(1, failures.size()).forEach(first::addSuppressed);
                throw first;
            }
        } finally {
            threads.shutdownNow();
        }
        LOG.info("Embedded parts started in {} ms, at once: {}", (System.nanoTime() - begin) / 1_000_000, new TreeMap<>(tookMillis));
    }

    private static <T> Future<T> timed(ExecutorService threads, String part, Callable<T> start, Map<String, Long> tookMillis) {
        return threads.submit(() -> {
            long begin = System.nanoTime();
            T started = start.call();
            tookMillis.put(part, (System.nanoTime() - begin) / 1_000_000);
            return started;
        });
    }

    /** The started part, to be closed at stop; null when it was not started or failed (its failure is collected). */
    private <T> T started(Future<T> start, List<Exception> failures, Function<T, AutoCloseable> closer)
            throws InterruptedException {
        if (start == null) {
            return null;
        }
        try {
            T part = start.get();
            started.push(closer.apply(part));
            return part;
        } catch (ExecutionException e) {
            failures.add(e.getCause() instanceof Exception cause ? cause : e);
            return null;
        }
    }

    private ConnectlySimulator startSimulator() {
        ConnectlySimulator.Builder builder = ConnectlySimulator.builder()
                .host("127.0.0.1")
                .port(settings.port("example.simulator.port"))
                .statusDelay(settings.duration("example.simulator.status-delay"))
                .templateApprovalDelay(settings.duration("example.simulator.template-approval-delay"))
                .webhookRetryDelay(settings.duration("example.simulator.webhook-retry-delay"))
                .failingNumbers(settings.optional("example.simulator.failing-numbers").map(n -> n.split("\\s*,\\s*"))
                        .orElse(new String[0]))
                .eventLoops(1);
        // customers who answer by themselves, so that replies flow back with nobody at the chat page
        settings.optionalDuration("example.simulator.auto-reply").ifPresent(builder::autoReply);
        return builder.build().start();
    }

    /** The connectly component and the webhook registration pointed at the simulator. */
    private void useSimulator() {
        settings.override("connectly.api-key", simulator.apiKey());
        settings.override("connectly.business-id", simulator.businessId());
        settings.override("connectly.webhook.secret", simulator.webhookSecret());
        settings.override("connectly.base-url", simulator.baseUrl());
        settings.override("connectly.webhook-external-url", serverBaseUrl + WEBHOOK_PATH);
        settings.override("connectly.webhook-auto-register", true);
    }

    private GreenMail startGreenMail() {
        ServerSetup smtp = serverSetup(settings.port("example.mail.smtp-port"), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = serverSetup(settings.port("example.mail.imap-port"), ServerSetup.PROTOCOL_IMAP);
        GreenMail mail = new GreenMail(new ServerSetup[] { smtp, imap });
        mail.start();
        try {
            mail.setUser(settings.text("example.mail.address"), settings.text("example.mail.username"),
                    settings.text("example.mail.password"));
        } catch (RuntimeException e) {
            mail.stop();
            throw e;
        }
        return mail;
    }

    /** The mail routes pointed at GreenMail. */
    private void useGreenMail() {
        settings.override("example.mail.smtp-protocol", "smtp");
        settings.override("example.mail.smtp-host", "127.0.0.1");
        settings.override("example.mail.smtp-port", greenMail.getSmtp().getPort());
        settings.override("example.mail.imap-protocol", "imap");
        settings.override("example.mail.imap-host", "127.0.0.1");
        settings.override("example.mail.imap-port", greenMail.getImap().getPort());
    }

    private static ServerSetup serverSetup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    private JdbcLeasedIdempotentRepository dedupeRepository(String processorName) {
        JdbcLeasedIdempotentRepository repository = new JdbcLeasedIdempotentRepository(database.dataSource(), processorName);
        // renews its leases on a thread of the context
        repository.setCamelContext(context);
        ServiceHelper.startService(repository);
        started.push(() -> ServiceHelper.stopService(repository));
        return repository;
    }

    // ------------------------------------------------------------------------------------------ once routes run

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the work starts once every route runs: onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        long readyMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        StringBuilder report = new StringBuilder(1024)
                .append(String.format("Connectly example ready in %.1f s (JVM start to routes started), %s. Open:%n",
                        readyMillis / 1000.0, live ? "live Connectly" : "with the Connectly simulator"));
        if (simulator != null) {
            line(report, "Chat page (write, tap as a customer)", simulator.chatPageUrl());
        }
        if (settings.flag("example.hawtio.enabled")) {
            line(report, "Hawtio (routes, exchanges, JMX)", "starting in the background: its URL follows in a few seconds");
        }
        if (crm != null) {
            line(report, "CRM stand-in", crm.baseUrl() + "/");
        }
        line(report, "Orders table (database flow)", serverBaseUrl + "/orders");
        line(report, "What reached whom (every message)", serverBaseUrl + "/messages");
        line(report, "Connectly webhook endpoint", serverBaseUrl + WEBHOOK_PATH);
        line(report, "CRM events endpoint", serverBaseUrl + CRM_EVENTS_PATH);
        line(report, "Health", "http://" + reachable(settings.text("camel.management.host")) + ":"
                               + settings.port("camel.management.port") + "/observe/health");
        line(report, "Mailbox " + settings.text("example.mail.address"),
                settings.text("example.mail.imap-protocol") + "://" + settings.text("example.mail.imap-host") + ":"
                                                             + settings.text("example.mail.imap-port"));
        line(report, "Campaign CSV folder", Path.of(settings.text("example.campaign.dir"), "inbox").toAbsolutePath().toString());
        LOG.info(report.toString().stripTrailing());

        if (seed) {
            FirstMinute firstMinute = new FirstMinute(context, database.dataSource(), simulator, greenMail, crm,
                    Path.of(settings.text("example.campaign.dir"), "inbox"), settings.text("example.mail.address"));
            daemon("first-minute", firstMinute::run);
        }
        if (settings.flag("example.hawtio.enabled")) {
            daemon("hawtio-start", this::startHawtio);
        }
    }

    private void startHawtio() {
        HawtioServer server = new HawtioServer(settings.text("example.hawtio.host"), settings.port("example.hawtio.port"));
        try {
            server.start();
        } catch (Exception e) {
            LOG.warn("Hawtio did not start: {}. The routes run on; set EXAMPLE_HAWTIO_ENABLED=false to skip it", e.toString());
            return;
        }
        synchronized (this) {
            if (!isRunAllowed()) {
                closeQuietly(server);
                return;
            }
            hawtio = server;
        }
        LOG.info(String.format("Hawtio ready: %s (no login, loopback only; click routes in the tree for the table)",
                server.routesUrl()));
    }

    private static void line(StringBuilder report, String what, String where) {
        report.append(String.format("  %-38s %s%n", what, where));
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A wildcard bind address is reached through loopback. */
    private static String reachable(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    // ---------------------------------------------------------------------------------------------------- stop

    @Override
    protected void doStop() {
        closeAll();
    }

    private synchronized void closeAll() {
        if (hawtio != null) {
            closeQuietly(hawtio);
            hawtio = null;
        }
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed: {}", closeable, e.toString());
        }
    }
}
