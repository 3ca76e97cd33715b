package io.camelconnectly.reliability;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability run at build size: three instances of {@link EventsApplication} (separate JVMs) on one embedded
 * PostgreSQL behind the round-robin balancer, 1,000 signed events with 10% duplicates, 10% of the route's attempts
 * failing, and one instance killed with SIGKILL mid-run and started again. Short leases keep it near a minute.
 */
class ReliabilityRunTest {

    @Test
    void everyEventIsProcessedExactlyOnceAcrossThreeInstancesWithOneKilled() throws Exception {
        ReliabilityRun.Result result = ReliabilityRun.run(new ReliabilityRun.Settings()
                .events(1_000).perSecond(50).instances(3)
                .kill(true).killAfter(0.3).downtime(Duration.ofSeconds(1))
                .lease(Duration.ofSeconds(3), Duration.ofSeconds(1))
                .workDirectory(Path.of("target", "reliability-test")));
        System.out.println(result.detailLine());
        System.out.println(result.summary());

        assertThat(result.unfinished()).as(result.detailLine()).isZero();
        assertThat(result.lost()).as(result.summary()).isZero();
        assertThat(result.processedTwice()).as(result.summary()).isZero();
        assertThat(result.processedOnce()).isEqualTo(1_000);
        // the faults really happened: a SIGKILL in the middle of routes, whose leases other instances took over once
        // expired; route failures; the 502s of the dead instance and the 503s of leases held answered 5xx
        assertThat(result.instanceKills()).isEqualTo(1);
        assertThat(result.killExitStatus()).isEqualTo(AppInstance.KILLED_BY_SIGKILL);
        assertThat(result.leasesHeldAtKill()).as(result.detailLine()).isPositive();
        assertThat(result.leasesTakenOver()).as(result.detailLine()).isPositive();
        assertThat(result.answered5xx()).isPositive();
        assertThat(result.redeliveries()).isGreaterThanOrEqualTo(result.answered5xx());
        assertThat((long) result.details().get("injectedFailures")).isPositive();
        assertThat((long) result.details().get("duplicated")).isPositive();
        assertThat(result.logLinesWithSecrets()).isZero();
        assertThat(result.ok()).isTrue();
    }
}
