package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The restore drill (issue 19): the platform on a PostgreSQL with WAL archiving; appeals filed; {@code
 * ./deploy/backup.sh}; more filed; an instant noted; more filed; the server stopped (lost); {@code ./deploy/restore.sh
 * --to=<instant>} into a new data directory; the platform started on it. Exactly the appeals acknowledged before the
 * instant are there, and every oversight read model rebuilt (replayed) from the restored store answers as oversight
 * answered {@code ?asOf=<instant>} before the restore.
 *
 * <p>Not in CI (two platform starts: minutes on a shared machine): {@code ./deploy/reliability.sh restore} runs it
 * ({@code -Dqinqing.restore=true}); docs/reliability.md has the figures. The server runs the machine's PostgreSQL
 * binaries as {@link ReplicatedPostgres} does ({@code /usr/lib/postgresql/<version>/bin}, as {@code postgres} when
 * this is root); the scripts are the ones an operator runs, told by their environment where the server and the
 * repository are.
 */
@EnabledIfSystemProperty(named = "qinqing.restore", matches = "true")
class RestoreDrillIT {

    static final int PER_BATCH = Integer.getInteger("qinqing.restore.appeals", 3);
    static final List<String> SERVICES = Arrays.stream(
                    System.getProperty("qinqing.restore.services", "identity,appeals,assignment,oversight")
                            .split(","))
            .map(String::trim)
            .toList();

    static final Path DIRECTORY =
            Path.of("/tmp", "qinqing-restore-" + ProcessHandle.current().pid());

    static Platform platform;
    static final List<Path> servers = new ArrayList<>();

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) platform.stop();
        for (Path data : servers) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(DIRECTORY.resolve("commands.log"), pgCtl(data, "-m", "immediate", "-w", "stop"));
                } catch (IllegalStateException alreadyStopped) {
                    // stopped by the test
                }
            }
        }
        try (var files = Files.walk(DIRECTORY)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void restoresExactlyWhatWasAcknowledgedBeforeTheInstantAndTheReadModelsAnswerAsTheyDidThen() throws Exception {
        Files.createDirectories(DIRECTORY);
        Files.setPosixFilePermissions(DIRECTORY, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path repository = DIRECTORY.resolve("repository");
        int primaryPort = Platform.freePort();
        Path primary = startPrimary(primaryPort);
        Database database = Database.createIfMissing(
                "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres", "postgres", "", EmbeddedDatabase.DATABASE);
        platform = start(database, "before");
        Apis apis = apis(platform);

        List<UUID> backedUp = file(apis, "备份前", PER_BATCH);
        long backupStart = System.nanoTime();
        script(repository, primaryPort, "deploy/backup.sh");
        double backupSeconds = (System.nanoTime() - backupStart) / 1e9;
        List<UUID> afterBackup = file(apis, "备份后", PER_BATCH);
        // the reactions to those filings (assignment routes them) done too: an event is stamped when it is created,
        // a restore keeps what was committed by the instant, and a reaction in flight would have one before and the
        // other after it. Quiet, every write so far is committed before this instant, every one below after it
        awaitQuiet(database);
        Instant instant = Instant.now();
        while (!Instant.now().isAfter(instant)) {
            Thread.onSpinWait();
        }
        List<UUID> afterInstant = file(apis, "时点后", PER_BATCH);

        List<UUID> all = new ArrayList<>(backedUp);
        all.addAll(afterBackup);
        all.addAll(afterInstant);
        awaitOversightCaughtUp(apis);
        Map<String, String> asOfBefore = oversightAsOf(apis, all, instant);
        assertThat(asOfBefore)
                .as("as of the instant, oversight answers about everything filed before it and knows nothing later")
                .allSatisfy((what, answer) -> assertThat(answer)
                        .as(what)
                        .startsWith(
                                afterInstant.stream().anyMatch(id -> what.endsWith(id.toString())) ? "404" : "200"));

        // what an operator does when the server still answers: close the current WAL segment, so that everything
        // committed so far is in the archive; then the server is lost
        script(repository, primaryPort, "deploy/backup.sh", "--switch-wal");
        platform.stop();
        platform = null;
        run(DIRECTORY.resolve("commands.log"), pgCtl(primary, "-m", "immediate", "-w", "stop"));

        int restoredPort = Platform.freePort();
        Path restored = DIRECTORY.resolve("restored");
        long restoreStart = System.nanoTime();
        String said = script(
                repository,
                primaryPort,
                "deploy/restore.sh",
                "--to=" + instant,
                "--data=" + restored,
                "--port=" + restoredPort,
                "--no-platform");
        servers.add(restored);
        double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;

        Database restoredDatabase = new Database(
                "jdbc:postgresql://127.0.0.1:" + restoredPort + "/" + EmbeddedDatabase.DATABASE, "postgres", "");
        platform = start(restoredDatabase, "after");
        apis = apis(platform);

        List<UUID> acknowledgedBefore = new ArrayList<>(backedUp);
        acknowledgedBefore.addAll(afterBackup);
        assertThat(listed(apis))
                .as("the enterprise's appeals on the restored platform: exactly those acknowledged before " + instant)
                .containsExactlyInAnyOrderElementsOf(acknowledgedBefore);
        try (StoredEvents events = new StoredEvents(restoredDatabase)) {
            assertThat(events.count(
                            "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = ?",
                            "cn.qinqing.language.appeal.AppealFiledEvent"))
                    .as("filings in the restored event store")
                    .isEqualTo(acknowledgedBefore.size());
        }

        long replayStart = System.nanoTime();
        replayOversight(apis);
        double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
        Map<String, String> asOfAfter = oversightAsOf(apis, all, instant);
        assertThat(asOfAfter)
                .as("oversight's answers as of the instant, rebuilt from the restored store")
                .isEqualTo(asOfBefore);

        System.out.printf(
                "[restore] %d appeals acknowledged before the instant, %d after it; base backup %.1f s; restore to"
                        + " %s %.1f s (%s); oversight replayed from the restored store in %.1f s; %d oversight answers"
                        + " equal%n",
                acknowledgedBefore.size(),
                afterInstant.size(),
                backupSeconds,
                instant,
                restoreSeconds,
                said.lines()
                        .filter(line -> line.startsWith("restored in"))
                        .findFirst()
                        .orElse("?"),
                replaySeconds,
                asOfAfter.size());
    }

    // --- the platform and its users

    record Apis(HttpApi appeals, HttpApi oversight, String enterprise, String supervisor, String admin) {}

    private static Platform start(Database database, String name) {
        return Platform.builder(EndToEnd.ROOT)
                .database(database)
                .services(ServiceCatalog.named(SERVICES.toArray(String[]::new)))
                .freePorts()
                .runDirectory(Path.of("target", "restore-drill", name).toAbsolutePath())
                .timeout(Duration.ofSeconds(Long.getLong("qinqing.platform.start-timeout", 600)))
                .progress(message -> System.out.println("[restore platform " + name + "] " + message))
                .start();
    }

    private static Apis apis(Platform platform) {
        OidcLogin identity = new OidcLogin(platform.issuer().toString());
        return new Apis(
                new HttpApi("http://127.0.0.1:" + platform.service("appeals").port()),
                new HttpApi("http://127.0.0.1:" + platform.service("oversight").port()),
                identity.clientToken("enterprise-a-client", "qinqing-demo"),
                identity.userToken("supervisor", "qinqing-demo"),
                identity.userToken("admin", "qinqing-demo"));
    }

    private static List<UUID> file(Apis apis, String title, int count) {
        List<UUID> filed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            var response = apis.appeals()
                    .post("/api/appeals")
                    .token(apis.enterprise())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of(
                            "title", "恢复演练：" + title + "第 " + i + " 件",
                            "description", "10kV 专线已完工两个月仍未送电。",
                            "category", "POWER",
                            "urgency", "NORMAL"))
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            filed.add(UUID.fromString(response.json().path("id").asText()));
        }
        return filed;
    }

    private static Set<UUID> listed(Apis apis) {
        Set<UUID> ids = new TreeSet<>();
        String cursor = null;
        do {
            var page = apis.appeals()
                    .get("/api/appeals?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(apis.enterprise())
                    .send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode body = page.json();
            body.path("items")
                    .forEach(item -> ids.add(UUID.fromString(item.path("id").asText())));
            cursor = body.path("next").isTextual() ? body.path("next").asText() : null;
        } while (cursor != null);
        return ids;
    }

    /**
     * Waits until every processing group of every service is at the head of the store and the head did not move
     * meanwhile: no handler is in the middle of an event, so no reaction is about to append one.
     */
    private static void awaitQuiet(Database database) throws Exception {
        String head = "(SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry)";
        StringBuilder behind = new StringBuilder("SELECT count(*) FROM (");
        List<String> schemas =
                SERVICES.stream().filter(service -> !service.equals("identity")).toList();
        for (int i = 0; i < schemas.size(); i++) {
            behind.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT coalesce((j->>'index')::bigint, (j->'currentToken'->>'index')::bigint, -1) AS")
                    .append(" position FROM (SELECT convert_from(token, 'UTF8')::jsonb AS j FROM ")
                    .append(schemas.get(i))
                    .append(".token_entry WHERE token IS NOT NULL) t");
        }
        behind.append(") p WHERE position < ?");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (StoredEvents store = new StoredEvents(database)) {
            while (System.nanoTime() < deadline) {
                long before = store.count("SELECT " + head);
                if (store.count(behind.toString(), before) == 0 && store.count("SELECT " + head) == before) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the processors did not reach the head of the store within 5 minutes");
    }

    /** Waits (on oversight's own report) until its processors are at the head of the store. */
    private static void awaitOversightCaughtUp(Apis apis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var progress = apis.oversight()
                    .get("/api/oversight/admin/replay")
                    .token(apis.admin())
                    .send();
            last = progress.toString();
            if (progress.status() == 200 && progress.json().path("done").asBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("oversight did not catch up: " + last);
    }

    /** Rebuilds every oversight read model from the (restored) store and waits until the rebuild reached the head. */
    private static void replayOversight(Apis apis) throws InterruptedException {
        var requested = apis.oversight()
                .post("/api/oversight/admin/replay")
                .token(apis.admin())
                .send();
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var progress = apis.oversight()
                    .get("/api/oversight/admin/replay")
                    .token(apis.admin())
                    .send();
            last = progress.toString();
            JsonNode body = progress.status() == 200 ? progress.json() : null;
            if (body != null
                    && body.path("done").asBoolean()
                    && body.path("control").path("state").asText().equals("RESET")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the oversight replay did not finish: " + last);
    }

    /**
     * What oversight answers as of the instant, each answer its status and body without the freshness (where the
     * processors are now, which is not the instant's): every appeal's state and timeline, the KPIs, the overdue list.
     */
    private static Map<String, String> oversightAsOf(Apis apis, List<UUID> appeals, Instant instant) {
        String asOf = "asOf=" + instant;
        Map<String, String> answers = new LinkedHashMap<>();
        for (UUID appeal : appeals) {
            answers.put("appeal " + appeal, answer(apis, "/api/oversight/appeals/" + appeal + "?" + asOf));
            answers.put("timeline " + appeal, answer(apis, "/api/oversight/appeals/" + appeal + "/timeline?" + asOf));
        }
        answers.put("kpis", answer(apis, "/api/oversight/kpis?" + asOf));
        answers.put("kpis by department", answer(apis, "/api/oversight/kpis?groupBy=DEPARTMENT&" + asOf));
        answers.put("overdue", answer(apis, "/api/oversight/overdue?" + asOf));
        return answers;
    }

    private static String answer(Apis apis, String path) {
        var response = apis.oversight().get(path).token(apis.supervisor()).send();
        if (response.status() != 200) {
            return response.status() + "";
        }
        JsonNode body = response.json();
        if (body instanceof ObjectNode object) {
            object.remove("freshness");
        }
        return "200 " + body;
    }

    // --- PostgreSQL and the scripts

    /** The machine's PostgreSQL with the settings of deploy/backup/postgresql.conf (archive_mode on). */
    private static Path startPrimary(int port) throws Exception {
        Path data = DIRECTORY.resolve("primary");
        Path log = DIRECTORY.resolve("commands.log");
        run(log, command("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8"));
        Files.writeString(
                data.resolve("postgresql.auto.conf"),
                Files.readString(EndToEnd.ROOT.resolve("deploy/backup/postgresql.conf"))
                        + String.join(
                                "\n",
                                "listen_addresses = '127.0.0.1'",
                                "port = " + port,
                                "max_connections = 300",
                                "unix_socket_directories = '" + DIRECTORY + "'",
                                ""),
                StandardOpenOption.APPEND);
        run(log, pgCtl(data, "-l", data + ".log", "-w", "-t", "120", "start"));
        servers.add(data);
        return data;
    }

    private static List<String> pgCtl(Path data, String... arguments) {
        List<String> all = new ArrayList<>(List.of("-D", data.toString()));
        all.addAll(List.of(arguments));
        return command("pg_ctl", all.toArray(String[]::new));
    }

    private static List<String> command(String binary, String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(ReplicatedPostgres.binaries().resolve(binary).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs one of deploy/'s scripts as an operator would, told where the server and the repository are. */
    private static String script(Path repository, int port, String script, String... arguments) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(EndToEnd.ROOT.resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QINQING_BACKUP_DIR", repository.toString());
        builder.environment().put("PGHOST", "127.0.0.1");
        builder.environment().put("PGPORT", Integer.toString(port));
        builder.environment().put("PGUSER", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        output.lines().forEach(line -> System.out.println("[" + Path.of(script).getFileName() + "] " + line));
        assertThat(process.exitValue()).as(script + " said:\n" + output).isZero();
        return output;
    }

    private static void run(Path log, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }
}
