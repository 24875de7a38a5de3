package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * R10, PostgreSQL fails over: a primary and its synchronous streaming standby ({@link ReplicatedPostgres}), the
 * services on a multi-host JDBC URL ({@code targetServerType=primary}). Under a steady load of writes across services
 * (file, route by reaction, sign for, open the case file by reaction, note progress: {@link WritingUsers}) the primary
 * is killed with SIGKILL and the standby promoted ({@code pg_ctl promote}). The services must reconnect by themselves;
 * every write acknowledged before, during and after the switch is on the new primary exactly once and in the read
 * models; every processor reaches the head from its token; every case file's SLA deadlines are scheduled once.
 *
 * <p>Not in CI (it needs the machine's PostgreSQL binaries, {@code /usr/lib/postgresql/<version>/bin}, and minutes):
 * {@code ./deploy/reliability.sh r10 [SECONDS] [CLIENTS]} runs it ({@code -Dqinqing.r10=true}).
 */
@EnabledIfSystemProperty(named = "qinqing.r10", matches = "true")
class FailoverIT {

    static final int SECONDS = Integer.getInteger("qinqing.r10.seconds", 30);
    static final int CLIENTS = Integer.getInteger("qinqing.r10.clients", 4);
    static final List<String> SERVICES = Arrays.stream(
                    System.getProperty("qinqing.r10.services", "identity,appeals,assignment,resolution")
                            .split(","))
            .map(String::trim)
            .toList();

    static ReplicatedPostgres postgres;
    static Database database;
    static Platform platform;
    static WritingUsers.Apis apis;

    @BeforeAll
    static void start() throws Exception {
        postgres = ReplicatedPostgres.start(
                Path.of("/tmp", "qinqing-r10-" + ProcessHandle.current().pid()));
        Database.createIfMissing(postgres.url("postgres"), "postgres", "", EmbeddedDatabase.DATABASE);
        database = new Database(postgres.url(EmbeddedDatabase.DATABASE), "postgres", "");
        platform = Platform.builder(EndToEnd.ROOT)
                .database(database)
                .services(ServiceCatalog.named(SERVICES.toArray(String[]::new)))
                .freePorts()
                .runDirectory(Path.of("target", "r10").toAbsolutePath())
                .timeout(Duration.ofSeconds(Long.getLong("qinqing.platform.start-timeout", 300)))
                .progress(message -> System.out.println("[r10 platform] " + message))
                .start();
        OidcLogin identity = new OidcLogin(platform.issuer().toString());
        // tokens live 30 minutes: taken once, they outlive the switch
        apis = new WritingUsers.Apis(
                api("appeals"),
                api("assignment"),
                api("resolution"),
                identity.clientToken("enterprise-a-client", "qinqing-demo"),
                identity.userToken("official", "qinqing-demo"));
    }

    static HttpApi api(String service) {
        return new HttpApi("http://127.0.0.1:" + platform.service(service).port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) platform.stop();
        if (postgres != null) postgres.close();
    }

    @Test
    void theStandbyTakesOverAKilledPrimaryAndNothingAcknowledgedIsLostOrStoredTwice() throws Exception {
        assertThat(standbyIsSynchronous())
                .as("the standby replicates synchronously")
                .isTrue();
        WritingUsers load = WritingUsers.start("r10", apis, CLIENTS);
        CrashAndRestartIT.pause(SECONDS / 2);
        int acknowledgedBefore = load.acknowledgedAt.size();
        long killed = System.nanoTime();
        long pid = postgres.killPrimary();
        postgres.promoteStandby();
        double promotedAfter = (System.nanoTime() - killed) / 1e9;
        System.out.printf(
                "[r10] primary (postmaster %d) killed with SIGKILL; standby promoted %.1f s later%n",
                pid, promotedAfter);
        CrashAndRestartIT.pause(SECONDS / 2);
        load.stop();

        List<Long> acknowledged = new ArrayList<>(load.acknowledgedAt);
        double withoutWrites = longestGapAround(acknowledged, killed) / 1e9;
        assertThat(acknowledged.stream().filter(at -> at > killed + (long) (promotedAfter * 1e9)))
                .as("writes acknowledged on the new primary")
                .isNotEmpty();
        load.check("kill -9 of the primary, standby promoted", database, SERVICES, SECONDS);
        long deadlines = scheduledDeadlinesPerCaseFile(load.signFors.size());
        System.out.printf(
                "[r10] %d writes acknowledged (%d before the kill), lost 0; %.1f s without an acknowledged write"
                        + " around the switch; %d attempts refused or unanswered meanwhile; SLA deadlines of all %d"
                        + " case files scheduled on the new primary (%d rows)%n",
                acknowledged.size(),
                acknowledgedBefore,
                withoutWrites,
                load.failedAttempts.get(),
                load.signFors.size(),
                deadlines);
    }

    /** Whether the primary's standby is connected and synchronous. */
    private static boolean standbyIsSynchronous() throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")) {
            rows.next();
            return rows.getLong(1) == 1;
        }
    }

    /** The longest time between two acknowledgements (or the kill and the next one) around {@code instant}. */
    private static long longestGapAround(List<Long> acknowledged, long instant) {
        List<Long> sorted = new ArrayList<>(acknowledged);
        sorted.add(instant);
        sorted.sort(Long::compare);
        int at = sorted.indexOf(instant);
        long longest = 0;
        for (int i = Math.max(1, at - 2); i < Math.min(sorted.size(), at + 3); i++) {
            longest = Math.max(longest, sorted.get(i) - sorted.get(i - 1));
        }
        return longest;
    }

    /**
     * db-scheduler's rows of resolution's SLA deadlines on the new primary: every case file opened by an acknowledged
     * sign-for has its clocks scheduled there (first contact and resolution: two each at least, with a warning before
     * each), none lost in the switch; that a row fires once, whatever the number of instances, is R8. Answers how many
     * rows.
     */
    private static long scheduledDeadlinesPerCaseFile(int caseFiles) throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM resolution.scheduled_tasks")) {
            rows.next();
            assertThat(rows.getLong(1))
                    .as("SLA deadline rows of the case files")
                    .isGreaterThanOrEqualTo(2L * caseFiles);
            return rows.getLong(1);
        }
    }
}
