package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R1 of issue #9, crash and restart: under a steady load of writes across services (an enterprise files an appeal, the
 * assignment service routes it by reaction, an official signs for it, the resolution service opens its case file by
 * reaction, the official notes progress), a service process is killed with SIGKILL and started again; separately,
 * PostgreSQL is restarted. Afterwards every write that was acknowledged (2xx) is in the event store exactly once, no
 * retried filing was stored twice, and every read model has caught up with the event store.
 *
 * <p>It runs on a PostgreSQL server of its own (embedded, data under {@code target/}), never the machine's shared one,
 * which it restarts; each service connects as its own role, as with {@code ./deploy/run.sh}. The size comes from system properties, so that CI runs a short version and
 * {@code ./deploy/reliability.sh r1} the long one: {@code qinqing.r1.seconds} (load per phase, 10), {@code
 * qinqing.r1.clients} (concurrent users, 3), {@code qinqing.r1.services} (identity, appeals, assignment, resolution;
 * the full run adds oversight).
 */
class CrashAndRestartIT {

    static final int SECONDS = Integer.getInteger("qinqing.r1.seconds", 10);
    static final int CLIENTS = Integer.getInteger("qinqing.r1.clients", 3);
    static final int DOWN_SECONDS = 4;
    static final List<String> SERVICES = Arrays.stream(
                    System.getProperty("qinqing.r1.services", "identity,appeals,assignment,resolution")
                            .split(","))
            .map(String::trim)
            .toList();

    static Path directory;
    static int postgresPort;
    static volatile EmbeddedDatabase postgres;
    static Platform platform;
    static WritingUsers.Apis apis;

    @BeforeAll
    static void start() throws IOException {
        directory = Path.of("target", "r1-" + ProcessHandle.current().pid()).toAbsolutePath();
        postgresPort = Platform.freePort();
        postgres = startPostgres();
        platform = Platform.builder(EndToEnd.ROOT)
                .database(postgres.database())
                // each service as its own role, as ./deploy/run.sh runs them (least privilege)
                .serviceDatabases(DatabaseRoles.prepare(postgres.database(), SERVICES))
                .services(ServiceCatalog.named(SERVICES.toArray(String[]::new)))
                .freePorts()
                .runDirectory(directory)
                .timeout(Duration.ofSeconds(300))
                .progress(message -> System.out.println("[r1 platform] " + message))
                .start();
        OidcLogin identity = new OidcLogin(platform.issuer().toString());
        // tokens live 30 minutes: taken once, they outlive every crash below, identity's included
        apis = new WritingUsers.Apis(
                api("appeals"),
                api("assignment"),
                api("resolution"),
                identity.clientToken("enterprise-a-client", "qinqing-demo"),
                identity.userToken("official", "qinqing-demo"));
    }

    static EmbeddedDatabase startPostgres() {
        return EmbeddedDatabase.start(directory.resolve("postgres"), postgresPort, directory.resolve("postgres.log"));
    }

    static HttpApi api(String service) {
        return new HttpApi("http://127.0.0.1:" + platform.service(service).port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null && Files.isDirectory(directory.resolve("postgres"))) {
            try (Stream<Path> files = Files.walk(directory.resolve("postgres"))) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void servicesKilledMidLoadLoseNoAcknowledgedWriteAndStoreNoneTwice() throws Exception {
        WritingUsers load = WritingUsers.start("r1", apis, CLIENTS);
        pause(SECONDS / 3);
        for (String victim : List.of("appeals", "assignment")) {
            platform.kill(victim);
            long begin = System.nanoTime();
            platform.restart(victim);
            System.out.printf(
                    "[r1] %s killed with SIGKILL and healthy again after %.1f s%n",
                    victim, (System.nanoTime() - begin) / 1e9);
            pause(SECONDS / 3);
        }
        load.stop();

        assertThat(load.failedAttempts.get()).as("the clients felt the crashes").isPositive();
        load.check("kill -9 appeals, then assignment", postgres.database(), SERVICES, SECONDS);
    }

    @Test
    void aRestartOfPostgresMidLoadLosesNoAcknowledgedWriteAndStoresNoneTwice() throws Exception {
        WritingUsers load = WritingUsers.start("r1", apis, CLIENTS);
        pause(SECONDS / 2);
        long begin = System.nanoTime();
        postgres.close();
        // down long enough that requests, reactions and processors find no database
        pause(DOWN_SECONDS);
        postgres = startPostgres();
        System.out.printf(
                "[r1] PostgreSQL stopped (fast shutdown), down %d s, up again after %.1f s%n",
                DOWN_SECONDS, (System.nanoTime() - begin) / 1e9);
        pause(SECONDS / 2);
        load.stop();

        load.check("PostgreSQL restart", postgres.database(), SERVICES, SECONDS);
    }

    static void pause(int seconds) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(Math.max(seconds, 1)).toMillis());
    }
}
