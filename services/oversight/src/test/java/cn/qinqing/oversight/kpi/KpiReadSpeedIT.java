package cn.qinqing.oversight.kpi;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.qinqing.oversight.NationalDayCases;
import cn.qinqing.oversight.OversightApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How the supervisor's reads grow with the store (issue 16, R11: the soak saw the KPIs' p50 rise from 288 ms to 1.0 s
 * over an hour): the National Day cases published {@code -Dqinqing.kpi-speed.copies=N} times in rounds, each round
 * followed by timed reads of the KPIs for all time and for one month, by department, and the overdue list. Figures
 * are printed, not asserted; a documented command (docs/performance.md), skipped unless the property is given:
 *
 * <pre>./mvnw -B -o verify -pl services/oversight -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=KpiReadSpeedIT -Dfailsafe.failIfNoSpecifiedTests=false -Dqinqing.kpi-speed.copies=400</pre>
 */
class KpiReadSpeedIT extends OversightApiTestBase {

    private static final int COPIES = Integer.getInteger("qinqing.kpi-speed.copies", 0);
    private static final int ROUNDS = Integer.getInteger("qinqing.kpi-speed.rounds", 4);
    private static final int READS = Integer.getInteger("qinqing.kpi-speed.reads", 7);

    /** Closed appeals beside each copy's two (X closed, Y open): most of a city's appeals are closed. */
    private static final int SETTLED_PER_COPY = Integer.getInteger("qinqing.kpi-speed.settled-per-copy", 3);

    private static final List<String> PATHS = List.of(
            "/api/oversight/kpis",
            "/api/oversight/kpis?month=2025-10",
            "/api/oversight/kpis?groupBy=DEPARTMENT&month=2025-10",
            "/api/oversight/overdue");

    @Autowired
    MeterRegistry meters;

    /** The processor time of this JVM (the service and the test's client) so far: far less noisy than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The appeals KPI reads took so far with this result ("kept": a kept fold used; "folded": folded again). */
    private double folds(String result) {
        var counter = meters.find("oversight.kpi.folds").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Filed, dispatched, signed for, answered on time and closed in October 2025: a settled appeal. */
    private static void answeredAndClosed(NationalDayCases cases) {
        String department = cases.departmentB();
        cases.scenario()
                .appeal(cases.enterprise(), "已办结")
                .filed(at("2025-10-13 09:00"))
                .dispatched(department, at("2025-10-13 09:05"), at("2025-10-14 09:05"))
                .signedFor(department, at("2025-10-13 10:00"), true)
                .caseOpened(department, 1, at("2025-10-13 10:00"), at("2025-10-14 10:00"), at("2025-10-20 10:00"))
                .submitted(department, 1, at("2025-10-15 10:00"), true)
                .answered(department, 1, at("2025-10-15 10:05"))
                .rated(1, 5, at("2025-10-16 09:00"))
                .closed(at("2025-10-16 10:00"));
    }

    @Test
    void theSupervisorsReadsAsTheStoreGrows() {
        assumeTrue(COPIES > 0, "a documented command: -Dqinqing.kpi-speed.copies=N");
        System.out.printf(
                Locale.ROOT,
                "[kpi-speed] %d copies of the National Day cases and %d closed appeals each, in %d rounds%n",
                COPIES,
                SETTLED_PER_COPY,
                ROUNDS);
        for (int round = 1; round <= ROUNDS; round++) {
            for (int i = 0; i < COPIES / ROUNDS; i++) {
                NationalDayCases cases = NationalDayCases.publish(scenario());
                for (int closed = 0; closed < SETTLED_PER_COPY; closed++) {
                    answeredAndClosed(cases);
                }
            }
            awaitCaughtUp();
            long appeals = jdbc.queryForObject("SELECT count(DISTINCT appeal_id) FROM appeal_event", Long.class);
            long events = jdbc.queryForObject("SELECT count(*) FROM appeal_event", Long.class);
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT, "[kpi-speed] round %d: %,d appeals, %,d appeal events;", round, appeals, events));
            // and one appeal's timeline (the first filed), which folds only that appeal's events
            String timeline = "/api/oversight/appeals/"
                    + jdbc.queryForObject(
                            "SELECT appeal_id FROM %s ORDER BY global_index LIMIT 1".formatted("appeal_event"),
                            String.class)
                    + "/timeline";
            for (String path : java.util.stream.Stream.concat(PATHS.stream(), java.util.stream.Stream.of(timeline))
                    .toList()) {
                double hits = folds("kept");
                double misses = folds("folded");
                long cpu = processCpuNanos();
                List<Long> millis = new ArrayList<>();
                for (int read = 0; read < READS; read++) {
                    long start = System.nanoTime();
                    var answer = api.get(path).token(supervisor).send();
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    assertThat(answer.status()).as(path).isEqualTo(200);
                }
                double cpuMillisPerRead = (processCpuNanos() - cpu) / 1e6 / READS;
                millis.sort(null);
                line.append(String.format(
                        Locale.ROOT,
                        " %s p50 %d ms (min %d), service CPU %.0f ms, appeals per read kept %.0f, folded %.0f;",
                        path,
                        millis.get(millis.size() / 2),
                        millis.get(0),
                        cpuMillisPerRead,
                        (folds("kept") - hits) / READS,
                        (folds("folded") - misses) / READS));
            }
            System.out.println(line);
        }
    }
}
