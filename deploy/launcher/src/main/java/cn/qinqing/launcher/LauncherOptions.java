package cn.qinqing.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        int replicas,
        boolean help) {

    static final int DEFAULT_POSTGRES_PORT = 54329;
    static final String MACHINE_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /**
     * The help text, a file of its own so that {@code ./deploy/run.sh --help} prints it before anything is built;
     * LauncherOptionsTest keeps it in step with the catalogue and the defaults.
     */
    static String usage() {
        try (InputStream text = LauncherOptions.class.getResourceAsStream("/usage.txt")) {
            return new String(Objects.requireNonNull(text, "usage.txt").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LauncherOptions parse(String[] args, Map<String, String> env) {
        String root = env.get("QINQING_ROOT");
        String databaseUrl = env.get("QINQING_DATABASE_URL");
        String databaseUser = env.getOrDefault("QINQING_DATABASE_USER", "postgres");
        String databasePassword = env.getOrDefault("QINQING_DATABASE_PASSWORD", "");
        String postgresPort = env.getOrDefault("QINQING_POSTGRES_PORT", Integer.toString(DEFAULT_POSTGRES_PORT));
        String javaOptions = env.get("QINQING_JAVA_OPTS");
        String portOffset = env.getOrDefault("QINQING_PORT_OFFSET", "0");
        String replicas = env.getOrDefault("QINQING_REPLICAS", "1");
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
                case "--replicas" -> replicas = required(name, value);
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
                replicas(replicas),
                help);
    }

    private static int replicas(String value) {
        int replicas = number("--replicas", value);
        if (replicas < 1 || replicas > 4) {
            throw new IllegalArgumentException(
                    "--replicas must be 1 to 4 (each instance is a JVM of its own), not " + replicas);
        }
        return replicas;
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
