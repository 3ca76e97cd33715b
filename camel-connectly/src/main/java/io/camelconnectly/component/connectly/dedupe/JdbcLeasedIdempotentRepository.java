package io.camelconnectly.component.connectly.dedupe;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.processor.idempotent.jdbc.AbstractJdbcMessageIdRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link LeasedIdempotentRepository} in one table of a shared database (PostgreSQL, H2, any SQL database with a
 * primary key), built on camel-sql's {@link AbstractJdbcMessageIdRepository} (Spring JdbcTemplate). Several
 * application instances share it: each row is either an in-flight mark (a lease owner and an expiry) or a completed
 * mark (no owner).
 *
 * <pre>
 * CREATE TABLE CONNECTLY_WEBHOOK_DEDUPE (
 *   processorName  VARCHAR(255) NOT NULL,
 *   messageId      VARCHAR(255) NOT NULL,
 *   createdAt      TIMESTAMP    NOT NULL,  -- claimed at, then completed at
 *   leaseOwner     VARCHAR(64),            -- the claiming instance; NULL once completed
 *   leaseExpiresAt BIGINT,                 -- epoch milliseconds; NULL once completed
 *   PRIMARY KEY (processorName, messageId))
 * </pre>
 *
 * The table is created at start when missing ({@code createTableIfNotExists}). Every write is committed on its own
 * (its own transaction, whatever the pool's auto-commit), so that a claim is decided by the primary key, whatever the
 * isolation level: the first INSERT wins; a later claim takes the row over only with a conditional UPDATE on an expired
 * lease, which one instance wins. {@link #confirm} called within a Spring transaction on the same DataSource joins it,
 * so a route can commit the completed mark with its own database work.
 * While an instance holds leases it renews them every {@code leaseKeepAliveInterval} (one batch UPDATE), so a long
 * route keeps its lease; a crashed instance stops renewing, and its leases expire after at most
 * {@code leaseDuration}. Lease expiry compares the instances' clocks: keep them in sync (NTP) well within the lease.
 * Completed marks older than {@code completedRetention} are deleted (default 7 days; 0 keeps them forever).
 * <p>
 * Blocking (JDBC): the webhook consumer calls it on its own bounded thread pool, never on an HTTP I/O thread or an
 * event loop.
 */
@ManagedResource(description = "Connectly JDBC leased idempotent repository")
public class JdbcLeasedIdempotentRepository extends AbstractJdbcMessageIdRepository
        implements LeasedIdempotentRepository, CamelContextAware {

    public static final String DEFAULT_TABLE_NAME = "CONNECTLY_WEBHOOK_DEDUPE";
    public static final String DEFAULT_PROCESSOR_NAME = "connectly-webhook";

    private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final int CLAIM_ATTEMPTS = 3;

    private CamelContext camelContext;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTableIfNotExists = true;
    private long leaseDuration = 10_000;
    private long leaseKeepAliveInterval = 3_000;
    private long completedRetention = TimeUnit.DAYS.toMillis(7);
    private long cleanupInterval = TimeUnit.MINUTES.toMillis(10);

    /** Identifies this instance's leases; new at every start, so a restarted instance never renews its old ones. */
    private volatile String owner;
    /** The keys whose lease this instance holds and renews. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final AtomicLong takenOver = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private volatile long lastCleanup;

    private String insertSql;
    private String takeOverSql;
    private String ownerSql;
    private String completeSql;
    private String insertCompletedSql;
    private String releaseSql;
    private String containsSql;
    private String clearSql;
    private String renewSql;
    private String cleanupSql;

    public JdbcLeasedIdempotentRepository() {
        this.processorName = DEFAULT_PROCESSOR_NAME;
    }

    public JdbcLeasedIdempotentRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_PROCESSOR_NAME);
    }

    public JdbcLeasedIdempotentRepository(DataSource dataSource, String processorName) {
        super(dataSource, processorName);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (jdbcTemplate == null) {
            throw new IllegalStateException(
                    "JdbcLeasedIdempotentRepository needs a dataSource (constructor argument or property dataSource)");
        }
        if (transactionTemplate == null) {
            transactionTemplate = createTransactionTemplate(jdbcTemplate.getDataSource());
        }
        if (processorName == null || processorName.isBlank()) {
            throw new IllegalStateException("JdbcLeasedIdempotentRepository needs a processorName, e.g. "
                                            + DEFAULT_PROCESSOR_NAME);
        }
        if (!SQL_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName must be a plain SQL name (letters, digits, _ and .), was '"
                                               + tableName + "'");
        }
        if (leaseKeepAliveInterval <= 0 || leaseDuration <= 2 * leaseKeepAliveInterval) {
            throw new IllegalArgumentException("leaseDuration (" + leaseDuration + " ms) must be more than twice "
                                               + "leaseKeepAliveInterval (" + leaseKeepAliveInterval
                                               + " ms, > 0), so that one late renewal does not let a live lease expire");
        }
        if (camelContext == null) {
            throw new IllegalStateException("JdbcLeasedIdempotentRepository renews its leases on a thread of the "
                                            + "CamelContext: set camelContext (the webhook consumer does it for its repository)");
        }
        prepareStatements();
        ensureTable();
        owner = UUID.randomUUID().toString();
        held.clear();
        lastCleanup = System.currentTimeMillis();
        scheduler = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "ConnectlyDedupeLeaseKeepAlive");
        scheduler.scheduleWithFixedDelay(this::maintain, leaseKeepAliveInterval, leaseKeepAliveInterval,
                TimeUnit.MILLISECONDS);
        log.info("Connectly dedupe in table {} (processorName {}): leases of {} ms renewed every {} ms, completed marks kept {}",
                tableName, processorName, leaseDuration, leaseKeepAliveInterval,
                completedRetention > 0 ? Duration.ofMillis(completedRetention) : "forever");
    }

    @Override
    protected void doStop() throws Exception {
        if (scheduler != null) {
            camelContext.getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        // the leases still held expire by themselves: an attempt cut by the stop is processed again on redelivery
        held.clear();
        super.doStop();
    }

    private void prepareStatements() {
        String t = tableName;
        String key = " WHERE processorName = ? AND messageId = ?";
        insertSql = "INSERT INTO " + t + " (processorName, messageId, createdAt, leaseOwner, leaseExpiresAt) VALUES (?, ?, ?, ?, ?)";
        takeOverSql = "UPDATE " + t + " SET leaseOwner = ?, leaseExpiresAt = ?, createdAt = ?" + key
                      + " AND leaseOwner IS NOT NULL AND leaseExpiresAt < ?";
        ownerSql = "SELECT leaseOwner FROM " + t + key;
        completeSql = "UPDATE " + t + " SET leaseOwner = NULL, leaseExpiresAt = NULL, createdAt = ?" + key;
        insertCompletedSql = "INSERT INTO " + t + " (processorName, messageId, createdAt) VALUES (?, ?, ?)";
        releaseSql = "DELETE FROM " + t + key + " AND leaseOwner = ?";
        containsSql = "SELECT COUNT(*) FROM " + t + key + " AND (leaseOwner IS NULL OR leaseExpiresAt >= ?)";
        clearSql = "DELETE FROM " + t + " WHERE processorName = ?";
        renewSql = "UPDATE " + t + " SET leaseExpiresAt = ?" + key + " AND leaseOwner = ?";
        cleanupSql = "DELETE FROM " + t + " WHERE processorName = ? AND ((leaseOwner IS NULL AND createdAt < ?)"
                     + " OR (leaseOwner IS NOT NULL AND leaseExpiresAt < ?))";
    }

    /** The DDL this repository runs when its table is missing. */
    public String getCreateTableSql() {
        return "CREATE TABLE " + tableName + " (processorName VARCHAR(255) NOT NULL, messageId VARCHAR(255) NOT NULL, "
               + "createdAt TIMESTAMP NOT NULL, leaseOwner VARCHAR(64), leaseExpiresAt BIGINT, "
               + "PRIMARY KEY (processorName, messageId))";
    }

    private void ensureTable() {
        String exists = "SELECT COUNT(*) FROM " + tableName + " WHERE 1 = 0";
        try {
            jdbcTemplate.queryForObject(exists, Integer.class);
            return;
        } catch (DataAccessException missing) {
            if (!createTableIfNotExists) {
                throw new IllegalStateException("Table " + tableName + " does not exist and createTableIfNotExists is "
                                                + "false: create it with " + getCreateTableSql(),
                        missing);
            }
        }
        try {
            jdbcTemplate.execute(getCreateTableSql());
            log.info("Created table {}", tableName);
        } catch (DataAccessException e) {
            // another instance starting at the same time may have created it: fine if it is there now
            jdbcTemplate.queryForObject(exists, Integer.class);
        }
    }

    @Override
    public Claim claim(String key) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            long now = System.currentTimeMillis();
            if (insert(key, now) == 1) {
                held.add(key);
                return Claim.CLAIMED;
            }
            if (write(takeOverSql, owner, now + leaseDuration, new Timestamp(now), processorName, key, now) == 1) {
                held.add(key);
                takenOver.incrementAndGet();
                log.info("Took over the expired lease of {}: its previous attempt never completed (instance stopped or "
                         + "cut off), so it is processed again",
                        key);
                return Claim.CLAIMED;
            }
            List<String> owners = jdbcTemplate.queryForList(ownerSql, String.class, processorName, key);
            if (!owners.isEmpty()) {
                return owners.get(0) == null ? Claim.COMPLETED : Claim.IN_FLIGHT;
            }
            // a failed attempt released the key between our statements: try again
        }
        return Claim.IN_FLIGHT;
    }

    @Override
    public boolean add(String key) {
        return claim(key) == Claim.CLAIMED;
    }

    /** Writes the completed mark (taking over the row whoever holds it: the event was processed). */
    @Override
    public boolean confirm(String key) {
        // stop renewing first: if the mark cannot be written, the lease expires and a redelivery is processed again
        held.remove(key);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        if (write(completeSql, now, processorName, key) == 0) {
            try {
                write(insertCompletedSql, processorName, key, now);
            } catch (DataIntegrityViolationException raced) {
                // another attempt wrote the row meanwhile; whatever it was, this event is processed
                write(completeSql, now, processorName, key);
            }
        }
        return true;
    }

    /** Releases this instance's in-flight mark after a failed attempt; never removes a completed mark. */
    @Override
    public boolean remove(String key) {
        held.remove(key);
        return delete(key) == 1;
    }

    @Override
    public void abandon(String key) {
        held.remove(key);
    }

    @Override
    public boolean contains(String key) {
        return queryForInt(key) > 0;
    }

    @Override
    public void clear() {
        held.clear();
        delete();
    }

    @Override
    protected int queryForInt(String key) {
        Integer count = jdbcTemplate.queryForObject(containsSql, Integer.class, processorName, key, System.currentTimeMillis());
        return count != null ? count : 0;
    }

    @Override
    protected int insert(String key) {
        return insert(key, System.currentTimeMillis());
    }

    private int insert(String key, long now) {
        try {
            return write(insertSql, processorName, key, new Timestamp(now), owner, now + leaseDuration);
        } catch (DataIntegrityViolationException exists) {
            return 0;
        }
    }

    @Override
    protected int delete(String key) {
        return write(releaseSql, processorName, key, owner);
    }

    @Override
    protected int delete() {
        return write(clearSql, processorName);
    }

    /**
     * One statement, committed on its own (whatever the pool's auto-commit setting), or within the caller's Spring
     * transaction on the same DataSource when there is one: how a route commits the completed mark with its own work.
     */
    private int write(String sql, Object... args) {
        Integer count = transactionTemplate.execute(status -> jdbcTemplate.update(sql, args));
        return count != null ? count : 0;
    }

    /** Renews the held leases; now and then deletes old completed marks and long-expired leases. */
    void maintain() {
        try {
            renewLeases();
            long now = System.currentTimeMillis();
            if (completedRetention > 0 && now - lastCleanup >= cleanupInterval) {
                lastCleanup = now;
                int deleted = write(cleanupSql, processorName, new Timestamp(now - completedRetention),
                        now - completedRetention);
                log.debug("Deleted {} dedupe rows older than {} ms", deleted, completedRetention);
            }
        } catch (RuntimeException e) {
            log.warn("Connectly dedupe: renewing {} lease(s) in {} failed (they expire after {} ms unless a later renewal "
                     + "succeeds): {}",
                    held.size(), tableName, leaseDuration, e.toString());
        }
    }

    private void renewLeases() {
        if (held.isEmpty()) {
            return;
        }
        long expiresAt = System.currentTimeMillis() + leaseDuration;
        List<Object[]> rows = new ArrayList<>(held.size());
        for (String key : held) {
            rows.add(new Object[] { expiresAt, processorName, key, owner });
        }
        transactionTemplate.executeWithoutResult(status -> jdbcTemplate.batchUpdate(renewSql, rows));
    }

    /** Sets the DataSource (for bean configuration with properties); makes the JdbcTemplate and TransactionTemplate. */
    @Override
    public void setDataSource(DataSource dataSource) {
        super.setDataSource(dataSource);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.afterPropertiesSet();
        setJdbcTemplate(template);
        setTransactionTemplate(createTransactionTemplate(dataSource));
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @ManagedAttribute(description = "The table holding the in-flight and completed marks")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTableIfNotExists() {
        return createTableIfNotExists;
    }

    public void setCreateTableIfNotExists(boolean createTableIfNotExists) {
        this.createTableIfNotExists = createTableIfNotExists;
    }

    @ManagedAttribute(description = "Milliseconds an in-flight mark lives without renewal")
    public long getLeaseDuration() {
        return leaseDuration;
    }

    /** How long an in-flight mark lives without renewal, in ms (default 10000): the wait before a crashed attempt is redone. */
    public void setLeaseDuration(long leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    @ManagedAttribute(description = "Milliseconds between two renewals of the held leases")
    public long getLeaseKeepAliveInterval() {
        return leaseKeepAliveInterval;
    }

    /** How often held leases are renewed, in ms (default 3000); less than half of leaseDuration. */
    public void setLeaseKeepAliveInterval(long leaseKeepAliveInterval) {
        this.leaseKeepAliveInterval = leaseKeepAliveInterval;
    }

    @ManagedAttribute(description = "Milliseconds a completed mark is kept (0 = forever)")
    public long getCompletedRetention() {
        return completedRetention;
    }

    /** How long completed marks are kept, in ms (default 7 days; 0 keeps them forever). */
    public void setCompletedRetention(long completedRetention) {
        this.completedRetention = completedRetention;
    }

    public long getCleanupInterval() {
        return cleanupInterval;
    }

    /** How often old rows are deleted, in ms (default 10 minutes). */
    public void setCleanupInterval(long cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }

    @ManagedAttribute(description = "In-flight marks this instance holds and renews")
    public int getHeldLeases() {
        return held.size();
    }

    @ManagedAttribute(description = "Expired leases of other attempts this instance took over (attempts that never completed)")
    public long getTakenOverLeases() {
        return takenOver.get();
    }

    /** This instance's lease owner id (new at every start), as stored in leaseOwner. */
    @ManagedAttribute(description = "This instance's lease owner id")
    public String getOwner() {
        return owner;
    }
}
