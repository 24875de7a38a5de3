package cn.qinqing.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * R10: a PostgreSQL primary and its streaming standby on loopback ports, run with the machine's PostgreSQL binaries
 * (Debian's {@code postgresql-15}: {@code initdb}, {@code pg_ctl}, {@code pg_basebackup}), data in a directory of
 * their own. Replication is synchronous ({@code synchronous_standby_names}, {@code synchronous_commit = on}): a commit
 * returns only once the standby has flushed it to its WAL, so every acknowledged write survives the primary. PostgreSQL
 * refuses to run as root: as root, the binaries run as the {@code postgres} user.
 */
final class ReplicatedPostgres implements AutoCloseable {

    static final String STANDBY_NAME = "standby1";

    private final Path bin;
    private final Path directory;
    final int primaryPort;
    final int standbyPort;

    private ReplicatedPostgres(Path bin, Path directory, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.directory = directory;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** The binaries of {@code qinqing.r10.bin}, else the newest {@code /usr/lib/postgresql/<version>/bin}. */
    static Path binaries() {
        String given = System.getProperty("qinqing.r10.bin");
        if (given != null) return Path.of(given);
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(path -> Files.isExecutable(path.resolve("pg_basebackup")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql"));
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL binaries (set -Dqinqing.r10.bin)", e);
        }
    }

    /** Initialises and starts the primary, copies it into a standby with {@code pg_basebackup}, starts that. */
    static ReplicatedPostgres start(Path directory) throws Exception {
        ReplicatedPostgres servers =
                new ReplicatedPostgres(binaries(), directory, Platform.freePort(), Platform.freePort());
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        servers.run("initdb", "-D", servers.primary().toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        Files.writeString(
                servers.primary().resolve("postgresql.auto.conf"),
                String.join(
                        "\n",
                        "listen_addresses = '127.0.0.1'",
                        "port = " + servers.primaryPort,
                        "max_connections = 300",
                        "wal_level = replica",
                        "max_wal_senders = 5",
                        "wal_keep_size = '256MB'",
                        "synchronous_commit = on",
                        "synchronous_standby_names = '" + STANDBY_NAME + "'",
                        "unix_socket_directories = '" + directory + "'",
                        ""),
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(
                servers.primary().resolve("pg_hba.conf"),
                "host replication all 127.0.0.1/32 trust\n",
                java.nio.file.StandardOpenOption.APPEND);
        servers.pgCtl(servers.primary(), "start");
        servers.run(
                "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(servers.primaryPort),
                "-U",
                "postgres",
                "-D",
                servers.standby().toString(),
                "-X",
                "stream",
                "-R");
        Files.writeString(
                servers.standby().resolve("postgresql.auto.conf"),
                String.join(
                        "\n",
                        "port = " + servers.standbyPort,
                        // promoted, it is alone: a commit must not wait for a standby that is gone (production:
                        // Patroni's or CloudNativePG's synchronous mode turns it back on once a new standby follows)
                        "synchronous_standby_names = ''",
                        "primary_conninfo = 'host=127.0.0.1 port=" + servers.primaryPort
                                + " user=postgres application_name=" + STANDBY_NAME + "'",
                        ""),
                java.nio.file.StandardOpenOption.APPEND);
        servers.pgCtl(servers.standby(), "start");
        return servers;
    }

    Path primary() {
        return directory.resolve("primary");
    }

    Path standby() {
        return directory.resolve("standby");
    }

    /** The JDBC URL of both servers: the driver connects to whichever is the primary. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort + "/" + database
                + "?targetServerType=primary&connectTimeout=5";
    }

    /** {@code kill -9} of the primary's postmaster: its backends lose their parent and stop as well. */
    long killPrimary() throws IOException, InterruptedException {
        long pid = Long.parseLong(
                Files.readAllLines(primary().resolve("postmaster.pid")).get(0).trim());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        return pid;
    }

    /** {@code pg_ctl promote}: the standby stops replaying and becomes the primary. */
    void promoteStandby() throws Exception {
        pgCtl(standby(), "promote");
    }

    private void pgCtl(Path data, String action) throws Exception {
        run("pg_ctl", "-D", data.toString(), "-l", data + ".log", "-w", "-t", "120", action);
    }

    /** Runs a binary, as the postgres user when this is root; fails when it fails. */
    private void run(String binary, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(binary).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("commands.log").toFile()))
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed; see " + directory.resolve("commands.log"));
        }
    }

    /** Stops whichever servers still run (immediate) and deletes their data. */
    @Override
    public void close() throws Exception {
        for (Path data : List.of(primary(), standby())) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
                } catch (IllegalStateException alreadyGone) {
                    // killed
                }
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
