package cn.qinqing.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The README's run command ({@code ./deploy/run.sh}): PostgreSQL, then identity, then every other built service, each
 * as its own process; prints where everything is once all are healthy; Ctrl-C (or SIGTERM) stops the services and then
 * PostgreSQL.
 */
public final class Launcher {

    /** The accounts the README's walk-through signs in with (DemoLoginsTest keeps the three lists together). */
    static final List<String> DEMO_USERS = List.of(
            "enterprise-a",
            "enterprise-b",
            "dispatcher",
            "official",
            "leader",
            "head-industry-it",
            "supervisor",
            "admin");

    static final String DEMO_PASSWORD = "qinqing-demo";

    /** The local object store's port (S3 API), before {@code --port-offset}. */
    static final int OBJECT_STORE_PORT = 9010;

    private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final LauncherOptions options;
    private final Path run;
    private final AtomicReference<Platform> platform = new AtomicReference<>();
    private final AtomicReference<EmbeddedDatabase> embedded = new AtomicReference<>();
    private final AtomicReference<LocalMail> mail = new AtomicReference<>();
    private final AtomicReference<Replicas> replicated = new AtomicReference<>();
    private final AtomicReference<ObjectStoreServer> objectStore = new AtomicReference<>();
    private final long begin = System.nanoTime();

    private Launcher(LauncherOptions options) {
        this.options = options;
        this.run = options.root().resolve(".run");
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.print(LauncherOptions.usage());
            return;
        }
        System.exit(new Launcher(options).run());
    }

    private int run() {
        try {
            Files.createDirectories(run.resolve("pids"));
            refuseSecondLauncher();
            Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "qinqing-launcher-stop"));
            stopLeftovers();

            List<ServiceDefinition> services = servicesToStart();
            checkPortsAreFree(services);
            Database database = database();
            startObjectStore();
            long databaseReady = System.nanoTime();
            if (options.replicas() > 1) {
                startReplicas(services, database, databaseReady);
                return untilStopped();
            }

            Platform.Builder builder = Platform.builder(options.root());
            wire(builder, options.portOffset());
            startMail(services);
            tellWhereMailAndDocumentsGo(builder, services);
            Platform started = builder.database(database)
                    .serviceDatabases(roles(database, services))
                    .services(services)
                    .runDirectory(run)
                    .timeout(options.timeout())
                    .javaOptions(options.javaOptions())
                    .classDataSharing("off".equalsIgnoreCase(System.getenv("QINQING_CDS")) ? null : run.resolve("cds"))
                    .progress(message -> out.println("  " + message))
                    .onUnexpectedExit(this::reportUnexpectedExit)
                    .build();
            platform.set(started);
            started.start();
            for (RunningService service : started.services()) {
                Files.writeString(pidFile(service.name()), Long.toString(service.pid()));
            }
            printSummary(started, database, databaseReady);
        } catch (EmbeddedDatabaseException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            out.println("  " + e.advice() + (e.log() != null ? " (detail: " + relative(e.log()) + ")" : ""));
            return 1;
        } catch (PlatformStartException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            if (e.log() != null) {
                printTail(e.log(), 20);
            }
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            return 1;
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void refuseSecondLauncher() throws IOException {
        Path pidFile = run.resolve("launcher.pid");
        Optional<ProcessHandle> other = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandLineContains(process, "qinqing-launcher"));
        if (other.isPresent() && other.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("Qinqing is already running from this directory (launcher pid "
                    + other.get().pid() + "); stop it with Ctrl-C or kill "
                    + other.get().pid());
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
    }

    /** Services and PostgreSQL that an earlier launcher left running when it was killed without a chance to stop them. */
    private void stopLeftovers() throws IOException {
        for (ServiceDefinition service : ServiceCatalog.ALL) {
            Path pidFile = pidFile(service.name());
            String jarName = Path.of(service.jar()).getFileName().toString();
            Optional<ProcessHandle> leftover = readPid(pidFile)
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> commandLineContains(process, jarName));
            if (leftover.isPresent()) {
                out.println("  stopping " + service.name() + " left running by an earlier run (pid "
                        + leftover.get().pid() + ")");
                stop(leftover.get());
            }
            Files.deleteIfExists(pidFile);
        }
        clearJarCopies();
        Optional<ProcessHandle> store = readPid(pidFile("object-store"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandLineContains(process, "s3proxy"));
        if (store.isPresent()) {
            out.println("  stopping the object store left running by an earlier run (pid "
                    + store.get().pid() + ")");
            stop(store.get());
        }
        Path postmaster = run.resolve("postgres/postmaster.pid");
        Optional<ProcessHandle> postgres = readPid(postmaster)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandLineContains(process, "postgres"));
        if (postgres.isPresent()
                && !options.noEmbedded()
                && options.databaseUrl().isEmpty()) {
            out.println("  stopping PostgreSQL left running by an earlier run (pid "
                    + postgres.get().pid() + ")");
            try {
                // SIGINT is PostgreSQL's fast shutdown: end sessions, flush, stop
                new ProcessBuilder("kill", "-INT", Long.toString(postgres.get().pid()))
                        .inheritIO()
                        .start()
                        .waitFor();
                postgres.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                stop(postgres.get());
            }
        }
    }

    /** Copies of jars that a killed launcher could not delete; no process of ours uses them any more. */
    private void clearJarCopies() throws IOException {
        Path jars = run.resolve("jars");
        if (!Files.isDirectory(jars)) {
            return;
        }
        try (Stream<Path> all = Files.walk(jars)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** {@code --replicas=N}: N instances of every service behind HAProxy on the usual ports ({@link Replicas}). */
    private void startReplicas(List<ServiceDefinition> services, Database database, long databaseReady)
            throws IOException {
        Map<String, Database> roles = roles(database, services);
        out.println(
                "  " + options.replicas() + " instances of every service behind HAProxy; class data sharing is off");
        long starting = System.nanoTime();
        startMail(services);
        Replicas started = Replicas.start(
                options.replicas(),
                options.root(),
                run,
                options.portOffset(),
                services,
                builder -> {
                    builder.database(database)
                            .serviceDatabases(roles)
                            .services(services)
                            .timeout(options.timeout())
                            .javaOptions(options.javaOptions());
                    tellWhereMailAndDocumentsGo(builder, services);
                },
                message -> out.println("  " + message),
                this::reportUnexpectedExit);
        replicated.set(started);
        out.println();
        out.println("Qinqing 亲清 is running: " + options.replicas() + " instances of every service behind HAProxy.");
        out.println();
        for (ServiceDefinition service : services) {
            List<String> instances = started.instances().stream()
                    .map(platform ->
                            "127.0.0.1:" + platform.service(service.name()).port())
                    .toList();
            out.printf(
                    "  %-13s %-24s instances %s%n",
                    service.name(),
                    "http://localhost:" + started.frontends().get(service.name()),
                    String.join(", ", instances));
        }
        out.println();
        out.println("  OpenID Connect issuer  " + started.instances().get(0).issuer());
        out.println("  database               " + database.displayUrl()
                + (embedded.get() != null ? "  (embedded, data in .run/postgres)" : ""));
        printLocalParts(options.root().relativize(run.resolve("replicas")) + "/<instance>/logs/<service>.log; HAProxy "
                + options.root().relativize(run.resolve("haproxy")));
        out.println();
        out.println("  demo logins (password " + DEMO_PASSWORD + "): " + String.join(", ", DEMO_USERS));
        out.println();
        out.printf(
                "  healthy %.1f s after launch (PostgreSQL %.1f s, services %.1f s)%n",
                seconds(System.nanoTime() - begin),
                seconds(databaseReady - begin),
                seconds(System.nanoTime() - starting));
        out.println("  Ctrl-C stops everything.");
    }

    /** The object store, where the logs are, and the mail server: the parts beside the services. */
    private void printLocalParts(String logs) {
        ObjectStoreServer store = objectStore.get();
        if (store != null) {
            out.println("  object store (S3 API)  " + store.endpoint() + "  (s3proxy, data in "
                    + options.root().relativize(store.data()) + ")");
        }
        out.println("  logs                   " + logs);
        LocalMail localMail = mail.get();
        if (localMail != null) {
            out.println(
                    "  mail (SMTP / IMAP)     " + LocalMail.HOST + ":" + localMail.smtpPort() + " / " + LocalMail.HOST
                            + ":" + localMail.imapPort() + "  (GreenMail; IMAP user and password = the address)");
        }
    }

    private static int untilStopped() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private List<ServiceDefinition> servicesToStart() {
        List<ServiceDefinition> wanted = options.only()
                .map(names -> ServiceCatalog.named(names.toArray(String[]::new)))
                .orElse(ServiceCatalog.ALL);
        List<ServiceDefinition> built = new ArrayList<>();
        List<String> notBuilt = new ArrayList<>();
        for (ServiceDefinition service : wanted) {
            if (service.isBuiltIn(options.root())) {
                built.add(service);
            } else {
                notBuilt.add(service.name());
            }
        }
        if (!notBuilt.isEmpty()) {
            out.println("  not built yet, skipped: " + String.join(", ", notBuilt));
        }
        if (built.isEmpty()) {
            throw new IllegalStateException(
                    "No service is built; run ./deploy/run.sh (it builds) or ./mvnw -B -DskipTests install");
        }
        return built;
    }

    private void checkPortsAreFree(List<ServiceDefinition> services) {
        for (ServiceDefinition service : services) {
            if (answers(port(service))) {
                throw new IllegalStateException("Port " + port(service) + " of " + service.name()
                        + " is already in use; is another Qinqing (or another program) running?"
                        + " (--port-offset=N moves every service)");
            }
        }
    }

    private int port(ServiceDefinition service) {
        return service.port() + options.portOffset();
    }

    /**
     * Every service on its README port plus the offset, and the portal and identity told where the others are, so that
     * {@code --port-offset=N} moves the whole platform: the issuer, the portal's calls and its sign-in redirect.
     */
    static Platform.Builder wire(Platform.Builder builder, int portOffset) {
        ToIntFunction<String> port = name -> ServiceCatalog.service(name).port() + portOffset;
        ServiceCatalog.ALL.forEach(service -> builder.port(service.name(), port.applyAsInt(service.name())));
        ServiceCatalog.wiring(port)
                .forEach((name, arguments) -> builder.arguments(name, arguments.toArray(String[]::new)));
        return builder;
    }

    /**
     * Each service's own role (least privilege, docs/reliability.md) when the launcher's database user may create
     * roles: always with the embedded server; otherwise every service connects as that user, as before.
     */
    private Map<String, Database> roles(Database database, List<ServiceDefinition> services) {
        if (!DatabaseRoles.canCreateRoles(database)) {
            out.println("  " + database.user() + " may not create roles: every service connects as " + database.user());
            return Map.of();
        }
        Map<String, Database> roles = DatabaseRoles.prepare(
                database, services.stream().map(ServiceDefinition::name).toList());
        out.println("  each service connects as its own role ("
                + String.join(", ", roles.values().stream().map(Database::user).toList())
                + "), the event store migrated as " + database.user());
        return roles;
    }

    private Database database() {
        if (options.databaseUrl().isPresent()) {
            Database database =
                    new Database(options.databaseUrl().get(), options.databaseUser(), options.databasePassword());
            try (var ignored = database.connect()) {
                out.println("  using PostgreSQL at " + database.displayUrl());
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Cannot connect to " + database.displayUrl() + " as " + database.user() + ": " + e.getMessage(),
                        e);
            }
            return database;
        }
        if (options.noEmbedded()) {
            Database database = Database.createIfMissing(
                    LauncherOptions.MACHINE_SERVER,
                    options.databaseUser(),
                    options.databasePassword(),
                    EmbeddedDatabase.DATABASE);
            out.println("  using the machine's PostgreSQL: " + database.displayUrl());
            return database;
        }
        int port = options.postgresPort();
        if (answers(port)) {
            throw new IllegalStateException("Port " + port + " for the embedded PostgreSQL is in use; choose another"
                    + " with --postgres-port=PORT (or QINQING_POSTGRES_PORT)");
        }
        Path data = run.resolve("postgres");
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        out.println("  starting PostgreSQL on port " + port + (fresh ? " (first run: creating " : " (data in ")
                + options.root().relativize(data) + ")");
        long start = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(
                run.resolve("postgres-binaries"),
                data,
                port,
                run.resolve("logs/postgres.log"),
                message -> out.println("  " + message));
        embedded.set(database);
        database.archiveWith(archiveCommand(options.root()));
        out.printf("  PostgreSQL ready after %.1f s%n", seconds(System.nanoTime() - start));
        return database.database();
    }

    /**
     * The local object store for documents (ADR 0009) on 9010 plus the offset, data in {@code .run/object-store}; left
     * out, with a line saying so, when its jar is not built (uploads then answer 503 until it is).
     */
    private void startObjectStore() throws IOException {
        Path jar = ObjectStoreServer.jar(options.root());
        if (jar == null) {
            out.println("  object store not built (deploy/launcher/target/s3proxy/s3proxy.jar): documents cannot be"
                    + " uploaded");
            return;
        }
        int port = OBJECT_STORE_PORT + options.portOffset();
        if (answers(port)) {
            throw new IllegalStateException("Port " + port + " for the object store is in use; is another Qinqing"
                    + " running? (--port-offset=N moves every service)");
        }
        long start = System.nanoTime();
        ObjectStoreServer store =
                ObjectStoreServer.start(jar, run.resolve("object-store"), port, run.resolve("logs/object-store.log"));
        objectStore.set(store);
        Files.writeString(pidFile("object-store"), Long.toString(store.pid()));
        out.printf("  object store (S3 API) on port %d ready after %.1f s%n", port, seconds(System.nanoTime() - start));
    }

    /**
     * The embedded server's {@code archive_command}: exactly the default of {@code deploy/backup/backup.conf}, so that
     * {@code ./deploy/backup.sh} finds it set. It keeps segments only once a backup created {@code .run/backup}.
     */
    static String archiveCommand(Path root) {
        return "'" + root.resolve("deploy/backup/archive-wal.sh") + "' %p '" + root.resolve(".run/backup/wal") + "/%f'";
    }

    /** The local SMTP/IMAP server, when the notifications service runs (docs/operations.md, Notifications). */
    private void startMail(List<ServiceDefinition> services) {
        if (services.stream().noneMatch(service -> service.name().equals(ServiceCatalog.NOTIFICATIONS))) {
            return;
        }
        mail.set(LocalMail.start(
                LocalMail.SMTP_PORT + options.portOffset(), LocalMail.IMAP_PORT + options.portOffset()));
    }

    /**
     * Every instance is told the local mail server's and object store's addresses, which move with the port offset:
     * left to their defaults, the services would find them only at offset 0.
     */
    private void tellWhereMailAndDocumentsGo(Platform.Builder builder, List<ServiceDefinition> services) {
        LocalMail localMail = mail.get();
        if (localMail != null) {
            builder.arguments(
                    ServiceCatalog.NOTIFICATIONS, localMail.arguments().toArray(String[]::new));
        }
        ObjectStoreServer store = objectStore.get();
        if (store != null) {
            services.forEach(service -> builder.arguments(service.name(), store.argument()));
        }
    }

    private void printSummary(Platform started, Database database, long databaseReady) {
        RunningService identity = started.services().stream()
                .filter(service -> service.definition().isIdentity())
                .findFirst()
                .orElse(null);
        out.println();
        out.println("Qinqing 亲清 is running.");
        out.println();
        for (RunningService service : started.services()) {
            out.printf("  %-13s %-24s %s%n", service.name(), service.baseUrl(), hint(service));
        }
        out.println();
        if (identity != null) {
            out.println("  OpenID Connect issuer  " + started.issuer());
            out.println("  discovery              " + started.issuer() + "/.well-known/openid-configuration");
        }
        out.println("  database               " + database.displayUrl()
                + (embedded.get() != null ? "  (embedded, data in .run/postgres)" : ""));
        printLocalParts(options.root().relativize(run.resolve("logs")) + "/<service>.log");
        out.println();
        out.println("  demo logins (password " + DEMO_PASSWORD + "): " + String.join(", ", DEMO_USERS));
        out.println("  (more officials, one per department: README.md, \"Demo accounts\")");
        out.println();
        out.printf(
                "  healthy %.1f s after launch (PostgreSQL %.1f s, services %.1f s)%n",
                seconds(System.nanoTime() - begin),
                seconds(databaseReady - begin),
                started.startupTime().toMillis() / 1000.0);
        out.println("  Ctrl-C stops everything.");
    }

    private static String hint(RunningService service) {
        if (service.name().equals("portal")) {
            return "start here";
        }
        if (service.definition().isIdentity()) {
            return "OpenID Connect provider, sign-in page";
        }
        return "OpenAPI " + service.url("/v3/api-docs");
    }

    private void reportUnexpectedExit(RunningService service, int exitCode) {
        out.println();
        out.println("!! " + service.name() + " stopped unexpectedly (exit code " + exitCode + "); last lines of "
                + service.log() + ":");
        printTail(service.log(), 20);
        Platform started = platform.get();
        if (started != null && started.services().stream().noneMatch(RunningService::isAlive)) {
            out.println("!! no service is running any more; stopping");
            new Thread(() -> System.exit(1), "qinqing-launcher-exit").start();
        }
    }

    private void shutDown() {
        Platform started = platform.get();
        EmbeddedDatabase database = embedded.get();
        Replicas replicas = replicated.get();
        if (started != null || database != null || replicas != null) {
            out.println();
            out.println("Stopping Qinqing...");
        }
        if (replicas != null) {
            replicas.close();
        }
        if (started != null) {
            started.stop();
        }
        LocalMail localMail = mail.get();
        if (localMail != null) {
            localMail.close();
        }
        ObjectStoreServer store = objectStore.get();
        if (store != null) {
            store.close();
            out.println("  stopped the object store");
        }
        if (database != null) {
            database.close();
            out.println("  stopped PostgreSQL");
        }
        try {
            for (ServiceDefinition service : ServiceCatalog.ALL) {
                Files.deleteIfExists(pidFile(service.name()));
            }
            Files.deleteIfExists(pidFile("object-store"));
            Files.deleteIfExists(run.resolve("launcher.pid"));
        } catch (IOException e) {
            // a stale pid file is checked against the process's command line next time
        }
        if (started != null || database != null) {
            out.println("Stopped.");
        }
    }

    private Path pidFile(String service) {
        return run.resolve("pids").resolve(service + ".pid");
    }

    private static Optional<Long> readPid(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean commandLineContains(ProcessHandle process, String text) {
        return process.info().commandLine().map(line -> line.contains(text)).orElse(false);
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first error the log names (often the cause; stack traces bury it), then the log's last lines. */
    private static void printTail(Path log, int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> content = all.toList();
            int from = Math.max(0, content.size() - lines);
            content.subList(0, from).stream()
                    .filter(line -> line.contains(" ERROR ") || line.startsWith("Error"))
                    .findFirst()
                    .ifPresent(error -> {
                        out.println("    | " + error);
                        out.println("    | ...");
                    });
            content.subList(from, content.size()).forEach(line -> out.println("    | " + line));
        } catch (IOException | RuntimeException e) {
            out.println("    (cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    private Path relative(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(options.root()) ? options.root().relativize(absolute) : absolute;
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }
}
