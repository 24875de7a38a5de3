package cn.qinqing.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The launcher's command-line flags, each with an environment variable for scripts. */
record LauncherOptions(
        Path root,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        boolean noEmbedded,
        int postgresPort,
        int portOffset,
        Optional<List<String>> only,
        Duration timeout,
        List<String> javaOptions,
        boolean help) {

    static final int DEFAULT_POSTGRES_PORT = 54329;
    static final String MACHINE_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    static final String USAGE =
            """
            Usage: ./deploy/run.sh [options]

            Starts PostgreSQL (embedded, data in .run/postgres) and every built Qinqing service, waits until all are
            healthy and prints where they are. Ctrl-C stops everything.

              --only=identity,appeals   start only these services (known: %s)
              --database-url=JDBC_URL   use this PostgreSQL database instead of the embedded one
                                        (env QINQING_DATABASE_URL, with QINQING_DATABASE_USER, QINQING_DATABASE_PASSWORD;
                                        flags --database-user=, --database-password=)
              --no-embedded             use the machine's PostgreSQL at 127.0.0.1:5432 (database qinqing, created if missing)
              --postgres-port=PORT      port of the embedded PostgreSQL (env QINQING_POSTGRES_PORT; default %d)
              --port-offset=N           add N to every service's port, to run beside another copy
                                        (env QINQING_PORT_OFFSET; the issuer becomes http://localhost:9000+N)
              --timeout=SECONDS         how long a service may take to become healthy after its start (default 300)
              --root=DIR                the project directory (env QINQING_ROOT; default: found from the launcher jar)
              --help                    this text

            JVM options of the service processes: env QINQING_JAVA_OPTS (default: %s)
            Class data sharing: the first start after a build records each service's archive in .run/cds when the
            services stop; later starts use it (faster start). QINQING_CDS=off starts without.
            """;

    static String usage() {
        return USAGE.formatted(
                ServiceCatalog.names(ServiceCatalog.ALL),
                DEFAULT_POSTGRES_PORT,
                String.join(" ", Platform.DEFAULT_JAVA_OPTIONS));
    }

    static LauncherOptions parse(String[] args, Map<String, String> env) {
        String root = env.get("QINQING_ROOT");
        String databaseUrl = env.get("QINQING_DATABASE_URL");
        String databaseUser = env.getOrDefault("QINQING_DATABASE_USER", "postgres");
        String databasePassword = env.getOrDefault("QINQING_DATABASE_PASSWORD", "");
        String postgresPort = env.getOrDefault("QINQING_POSTGRES_PORT", Integer.toString(DEFAULT_POSTGRES_PORT));
        String javaOptions = env.get("QINQING_JAVA_OPTS");
        String portOffset = env.getOrDefault("QINQING_PORT_OFFSET", "0");
        boolean noEmbedded = false;
        boolean help = false;
        String only = null;
        String timeout = "300"; // all seven start in one wave: on a busy 2-core machine the last one can take minutes
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--database-url" -> databaseUrl = required(name, value);
                case "--database-user" -> databaseUser = required(name, value);
                case "--database-password" -> databasePassword = value == null ? "" : value;
                case "--no-embedded" -> noEmbedded = true;
                case "--postgres-port" -> postgresPort = required(name, value);
                case "--port-offset" -> portOffset = required(name, value);
                case "--only" -> only = required(name, value);
                case "--timeout" -> timeout = required(name, value);
                case "--root" -> root = required(name, value);
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n\n" + usage());
            }
        }
        if (databaseUrl != null && noEmbedded) {
            throw new IllegalArgumentException("--no-embedded and a database URL exclude each other: choose one");
        }
        Optional<List<String>> services = Optional.ofNullable(only).map(list -> Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList());
        services.ifPresent(names -> names.forEach(ServiceCatalog::service));
        return new LauncherOptions(
                root != null ? Path.of(root).toAbsolutePath().normalize() : findRoot(),
                Optional.ofNullable(databaseUrl).filter(url -> !url.isBlank()),
                databaseUser,
                databasePassword,
                noEmbedded,
                number("--postgres-port", postgresPort),
                number("--port-offset", portOffset),
                services,
                Duration.ofSeconds(number("--timeout", timeout)),
                javaOptions == null || javaOptions.isBlank()
                        ? Platform.DEFAULT_JAVA_OPTIONS
                        : List.of(javaOptions.trim().split("\\s+")),
                help);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    /**
     * The project directory: where the launcher jar was built ({@code <root>/deploy/launcher/target/}), else the
     * working directory or the nearest parent of it that holds the project.
     */
    static Path findRoot() {
        List<Path> candidates = new ArrayList<>();
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jar = Path.of(classPath).toAbsolutePath().normalize();
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                candidates.add(dir);
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir);
        }
        return candidates.stream()
                .filter(dir -> Files.isRegularFile(dir.resolve("deploy/launcher/pom.xml")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot find the Qinqing project directory; run from inside it or pass --root=DIR"));
    }
}
