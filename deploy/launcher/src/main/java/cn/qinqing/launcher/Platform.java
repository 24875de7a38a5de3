package cn.qinqing.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Starts services of the platform as separate {@code java -jar} processes on one database, waits until each answers
 * its health check, and stops them all. Identity is launched first and the others right after it, without waiting
 * for it: none of them calls the identity provider while starting (resource servers fetch its keys with the first
 * token, the portal's client registration is derived from the issuer), so the start-up of all overlaps.
 *
 * <p>The launcher uses it with the ports of the README; end-to-end tests use it with free ports:
 *
 * <pre>{@code
 * try (Platform platform = Platform.builder(root)
 *         .database(new Database(TestDatabase.get().url(), TestDatabase.get().user(), ""))
 *         .services(ServiceCatalog.named("identity", "appeals"))
 *         .freePorts()
 *         .start()) {
 *     URI appeals = platform.service("appeals").url("/api/appeals");
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {

    /**
     * JVM options of every service process, chosen for a quick start and a small footprint on a developer's machine
     * (2 cores): the C1 compiler only, the serial collector, a heap that starts small and stops at 256 MiB, and an exit
     * instead of limping on when the heap runs out. {@code QINQING_JAVA_OPTS} replaces them in the launcher.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms32m",
            "-Xmx256m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8",
            "-Ddisable-axoniq-console-message=true",
            "-Djava.awt.headless=true");

    /** How long a service may take to stop gracefully before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /**
     * How long a service that records its class data archive may take to stop: the JVM writes the archive (50-70 MB)
     * as it exits, which took more than 20 s on a busy 2-core machine; killed, it leaves none.
     */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(90);

    private static final Duration HEALTH_POLL = Duration.ofMillis(200);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Path root;
    private final Database database;
    private final Map<String, Database> serviceDatabases;
    private final List<ServiceDefinition> services;
    private final Map<String, Integer> ports;
    private final URI issuer;
    private final Path logDirectory;
    private final Path jarDirectory;
    private final Duration timeout;
    private final List<String> javaOptions;
    private final String profile;
    private final Map<String, List<String>> extraArguments;
    private final Consumer<String> progress;
    private final BiConsumer<RunningService, Integer> unexpectedExit;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ClassDataSharing classDataSharing;
    private final Map<String, ClassDataSharing.Launch> launches = new ConcurrentHashMap<>();

    private final List<RunningService> running = new CopyOnWriteArrayList<>();
    private final Set<Process> killed = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean started;
    private Duration startupTime;

    private Platform(Builder builder) {
        this.root = builder.root;
        this.database = Objects.requireNonNull(builder.database, "database");
        this.serviceDatabases = Map.copyOf(builder.serviceDatabases);
        this.services = List.copyOf(builder.services);
        Path runDirectory = builder.runDirectory != null ? builder.runDirectory : root.resolve(".run");
        this.logDirectory = runDirectory.resolve("logs");
        this.jarDirectory =
                runDirectory.resolve("jars").resolve(ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet());
        this.timeout = builder.timeout;
        this.javaOptions = List.copyOf(builder.javaOptions);
        this.profile = builder.profile;
        this.classDataSharing =
                builder.classDataSharing == null ? null : new ClassDataSharing(builder.classDataSharing);
        this.extraArguments = Map.copyOf(builder.extraArguments);
        this.progress = builder.progress;
        this.unexpectedExit = builder.unexpectedExit;
        this.ports = choosePorts(builder);
        this.issuer = builder.issuer;
        if (services.isEmpty()) {
            throw new IllegalArgumentException("No service to start");
        }
        for (ServiceDefinition service : services) {
            if (!service.isBuiltIn(root)) {
                throw new IllegalArgumentException(service.name() + " is not built: " + service.jarIn(root)
                        + " is missing (run ./mvnw -B -DskipTests install)");
            }
        }
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    private Map<String, Integer> choosePorts(Builder builder) {
        Map<String, Integer> chosen = new HashMap<>();
        List<ServiceDefinition> needingPorts = new ArrayList<>(services);
        if (services.stream().noneMatch(ServiceDefinition::isIdentity)) {
            // the issuer the others are told about, even when identity runs elsewhere
            needingPorts.add(ServiceCatalog.service(ServiceDefinition.IDENTITY));
        }
        for (ServiceDefinition service : needingPorts) {
            Integer port = builder.ports.get(service.name());
            if (port == null) {
                port = builder.freePorts && !(service.isIdentity() && !services.contains(service))
                        ? freePort()
                        : service.port();
            }
            chosen.put(service.name(), port);
        }
        return Map.copyOf(chosen);
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /**
     * Starts every service and returns when all are healthy.
     *
     * @throws PlatformStartException naming the service that exited or did not become healthy in time, and its log;
     *     everything started so far is stopped
     */
    public Platform start() {
        long begin = System.nanoTime();
        try {
            Files.createDirectories(logDirectory);
            if (classDataSharing != null) {
                // the first start after a build extracts the jars, all at once
                services.parallelStream()
                        .forEach(service ->
                                launches.put(service.name(), classDataSharing.prepare(service, service.jarIn(root))));
            }
            List<ServiceDefinition> order = services.stream()
                    .sorted(Comparator.comparing(service -> !service.isIdentity()))
                    .toList();
            awaitHealthy(order.stream().map(this::launch).toList(), begin);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
        started = true;
        return this;
    }

    private synchronized RunningService launch(ServiceDefinition service) {
        if (stopping) {
            throw new PlatformStartException(null, null, "Stopped while starting");
        }
        int port = ports.get(service.name());
        Path log = logDirectory.resolve(service.name() + ".log");
        try {
            ClassDataSharing.Launch shared = launches.get(service.name());
            List<String> command = command(service, port, shared != null ? shared.jar() : copyOfJar(service));
            if (Files.exists(log)) {
                Files.move(log, logDirectory.resolve(service.name() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            // the password stays out of the command line, which every user of the machine can read
            builder.environment()
                    .put("SPRING_DATASOURCE_PASSWORD", databaseOf(service).password());
            Process process = builder.start();
            process.getOutputStream().close();
            RunningService runningService = new RunningService(service, port, log, process);
            running.add(runningService);
            progress.accept("starting " + service.name() + " on port " + port + " (pid " + process.pid() + ")"
                    + (shared != null ? " " + shared.describe() : ""));
            process.onExit().thenAccept(exited -> {
                if (started && !stopping && !killed.contains(exited)) {
                    unexpectedExit.accept(runningService, exited.exitValue());
                }
            });
            return runningService;
        } catch (IOException e) {
            throw new PlatformStartException(
                    service.name(), log, "Could not start " + service.name() + ": " + e.getMessage());
        }
    }

    /**
     * Each process runs a copy of its service's jar, so that rebuilding the project while the platform runs does not
     * pull classes out from under it.
     */
    private Path copyOfJar(ServiceDefinition service) throws IOException {
        Files.createDirectories(jarDirectory);
        Path jar = service.jarIn(root);
        Path copy = jarDirectory.resolve(jar.getFileName());
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** The command line of one service process; the database password travels in its environment instead. */
    List<String> command(ServiceDefinition service, int port, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        if (javaOptions.stream().noneMatch(option -> option.contains("HeapDumpOnOutOfMemoryError"))) {
            // a service that runs out of heap exits (ExitOnOutOfMemoryError); the dump beside its log says why
            command.add("-XX:+HeapDumpOnOutOfMemoryError");
            command.add("-XX:HeapDumpPath=" + logDirectory);
        }
        ClassDataSharing.Launch shared = launches.get(service.name());
        if (shared != null) {
            command.addAll(shared.javaOptions());
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--spring.datasource.url=" + databaseOf(service).url());
        command.add("--spring.datasource.username=" + databaseOf(service).user());
        // few connections each: seven services, and the tests' second platform, must fit in PostgreSQL's default of
        // 100 connections on the machine's server (and idle services in a laptop's memory)
        command.add("--spring.datasource.hikari.maximum-pool-size=8");
        command.add("--spring.datasource.hikari.minimum-idle=2");
        if (profile != null) {
            command.add("--spring.profiles.active=" + profile);
        }
        if (service.isIdentity()) {
            command.add("--qinqing.identity.issuer=" + issuer());
        }
        if (service.needsIdentity()) {
            command.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer());
            command.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer() + "/oauth2/jwks");
        }
        command.addAll(extraArguments.getOrDefault(service.name(), List.of()));
        return command;
    }

    /** The service's own credentials when it was given some (its role), else the platform's database user. */
    private Database databaseOf(ServiceDefinition service) {
        return serviceDatabases.getOrDefault(service.name(), database);
    }

    private void awaitHealthy(List<RunningService> starting, long begin) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RunningService service : starting) {
            URI health = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health");
            while (!isHealthy(health)) {
                if (stopping) {
                    throw new PlatformStartException(null, null, "Stopped while starting");
                }
                if (!service.isAlive()) {
                    throw new PlatformStartException(
                            service.name(),
                            service.log(),
                            service.name() + " exited with code "
                                    + service.process().exitValue() + " before it was healthy; see "
                                    + display(service.log()));
                }
                if (System.nanoTime() > deadline) {
                    throw new PlatformStartException(
                            service.name(),
                            service.log(),
                            service.name() + " was not healthy after " + timeout.toSeconds() + " s (" + health
                                    + "); see " + display(service.log()));
                }
                sleep(HEALTH_POLL);
            }
            progress.accept(
                    String.format("%s healthy after %.1f s", service.name(), (System.nanoTime() - begin) / 1e9));
        }
    }

    private boolean isHealthy(URI health) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartException(null, null, "Interrupted while starting");
        }
    }

    private String display(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(root.toAbsolutePath())
                ? root.toAbsolutePath().relativize(absolute).toString()
                : absolute.toString();
    }

    /**
     * Stops every service: asks each to stop (SIGTERM, so Spring shuts down gracefully), waits up to 20 s, then kills
     * those still running. Safe to call more than once and from a shutdown hook while {@link #start()} runs.
     */
    public void stop() {
        List<RunningService> alive;
        synchronized (this) {
            stopping = true;
            alive = running.stream().filter(RunningService::isAlive).toList();
        }
        alive.forEach(service -> service.process().destroy());
        Duration grace = alive.stream()
                        .map(service -> launches.get(service.name()))
                        .anyMatch(launch -> launch != null && launch.recording() != null)
                ? RECORDING_STOP_GRACE
                : STOP_GRACE;
        long deadline = System.nanoTime() + grace.toNanos();
        for (RunningService service : alive) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!service.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    progress.accept(service.name() + " did not stop within " + grace.toSeconds() + " s; killing it");
                    killed.add(service.process());
                    service.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                } else {
                    progress.accept("stopped " + service.name());
                }
            } catch (InterruptedException e) {
                service.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteJarCopies();
        keepClassDataArchives();
    }

    /** The archives recorded by processes that ended by themselves become those the next start maps. */
    private void keepClassDataArchives() {
        for (RunningService service : running) {
            ClassDataSharing.Launch launch = launches.remove(service.name());
            if (launch != null && !service.isAlive()) {
                ClassDataSharing.keep(launch, !killed.contains(service.process()));
            }
        }
    }

    /**
     * Kills one service's process at once (SIGKILL: no shutdown hook, no graceful stop, open transactions cut off), as a
     * crash would, and waits until it is gone. Not reported as an unexpected exit.
     */
    public void kill(String name) {
        RunningService service = service(name);
        killed.add(service.process());
        service.process().destroyForcibly();
        try {
            if (!service.process().waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + service.pid() + ") did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
        progress.accept("killed " + name + " (pid " + service.pid() + ")");
    }

    /**
     * Starts a service again on its port after it was killed or died, and returns once it is healthy (within the
     * platform's timeout). A service that still runs is killed first.
     */
    public RunningService restart(String name) {
        RunningService old = service(name);
        if (old.isAlive()) {
            kill(name);
        }
        running.remove(old);
        long begin = System.nanoTime();
        RunningService restarted = launch(old.definition());
        awaitHealthy(List.of(restarted), begin);
        return restarted;
    }

    private void deleteJarCopies() {
        if (running.stream().anyMatch(RunningService::isAlive)) {
            return;
        }
        try (var copies = Files.list(jarDirectory)) {
            for (Path copy : copies.toList()) {
                Files.deleteIfExists(copy);
            }
            Files.deleteIfExists(jarDirectory);
        } catch (IOException e) {
            // a leftover copy harms nothing; the launcher clears them at its next start
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The running service called {@code name}. */
    public RunningService service(String name) {
        return running.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not running in this platform"));
    }

    /** The running services, in the catalogue's order (the portal first). */
    public List<RunningService> services() {
        return running.stream()
                .sorted(Comparator.comparingInt(service -> {
                    int index = ServiceCatalog.ALL.indexOf(service.definition());
                    return index < 0 ? Integer.MAX_VALUE : index;
                }))
                .toList();
    }

    /** The OpenID Connect issuer every service is told to trust: {@code http://localhost:<identity port>}. */
    public URI issuer() {
        if (issuer != null) {
            return issuer;
        }
        return URI.create("http://localhost:" + ports.get(ServiceDefinition.IDENTITY));
    }

    /** The database the services share. */
    public Database database() {
        return database;
    }

    /** For each service, what its start did about class data sharing ("with its class data archive", …). */
    public Map<String, String> classDataSharing() {
        Map<String, String> described = new java.util.TreeMap<>();
        launches.forEach((name, launch) -> described.put(name, launch.describe()));
        return described;
    }

    /** How long {@link #start()} took until every service was healthy. */
    public Duration startupTime() {
        return startupTime;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartException(null, null, "Interrupted while starting");
        }
    }

    /** What to start, where, and how. */
    public static final class Builder {
        private final Path root;
        private Database database;
        private final Map<String, Database> serviceDatabases = new HashMap<>();
        private final List<ServiceDefinition> services = new ArrayList<>();
        private final Map<String, Integer> ports = new HashMap<>();
        private boolean freePorts;
        private Path runDirectory;
        private Duration timeout = Duration.ofSeconds(120);
        private List<String> javaOptions = DEFAULT_JAVA_OPTIONS;
        private String profile = "local";
        private final Map<String, List<String>> extraArguments = new HashMap<>();
        private Consumer<String> progress = message -> {};
        private BiConsumer<RunningService, Integer> unexpectedExit = (service, code) -> {};
        private Path classDataSharing;
        private URI issuer;

        private Builder(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        public Builder database(Database database) {
            this.database = database;
            return this;
        }

        /**
         * Credentials of their own for some services on the same database ({@link DatabaseRoles#prepare}); the others
         * connect as the {@link #database(Database) database}'s user.
         */
        public Builder serviceDatabases(Map<String, Database> serviceDatabases) {
            this.serviceDatabases.putAll(serviceDatabases);
            return this;
        }

        /** Which services to start; their order does not matter (identity is always launched first). */
        public Builder services(Collection<ServiceDefinition> services) {
            this.services.addAll(services);
            return this;
        }

        /** Every service on a port found free at start instead of its README port: for tests. */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        /**
         * The issuer every service is told, when it is not identity's own port: the load balancer's address in front
         * of several identity instances ({@link Replicas}).
         */
        public Builder issuer(URI issuer) {
            this.issuer = issuer;
            return this;
        }

        /** One service on a given port. */
        public Builder port(String service, int port) {
            this.ports.put(service, port);
            return this;
        }

        /**
         * Where the services' logs ({@code logs/<service>.log}) and the copies of their jars ({@code jars/}) go:
         * {@code <root>/.run} unless told.
         */
        public Builder runDirectory(Path runDirectory) {
            this.runDirectory = runDirectory;
            return this;
        }

        /**
         * How long services may take to become healthy (120 s unless told), counted from the start of the platform.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder javaOptions(List<String> javaOptions) {
            this.javaOptions = List.copyOf(javaOptions);
            return this;
        }

        /** The Spring profile of every service: {@code local} (demo accounts and data) unless told; null for none. */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** More command-line arguments for one service, such as {@code --logging.level.root=DEBUG}. */
        public Builder arguments(String service, String... arguments) {
            this.extraArguments
                    .computeIfAbsent(service, name -> new ArrayList<>())
                    .addAll(List.of(arguments));
            return this;
        }

        /**
         * Class data sharing for the service processes, with extractions and archives kept in {@code directory}
         * (see {@link ClassDataSharing}); off unless told. The first start after a build records the archives when
         * the services stop; later starts use them.
         */
        public Builder classDataSharing(Path directory) {
            this.classDataSharing = directory;
            return this;
        }

        /** Told about each step: a service starting, healthy, stopped. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /** Told when a service that was healthy exits without being asked to, with its exit code. */
        public Builder onUnexpectedExit(BiConsumer<RunningService, Integer> unexpectedExit) {
            this.unexpectedExit = unexpectedExit;
            return this;
        }

        /** The platform, not yet started: call {@link Platform#start()}. */
        public Platform build() {
            return new Platform(this);
        }

        /** Builds and starts the platform; returns when every service is healthy. */
        public Platform start() {
            return build().start();
        }
    }
}
