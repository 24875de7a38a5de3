package cn.qinqing.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its jar as another operating-system process, on this JVM's test database and test identity
 * provider: what a second instance, or another service, is in production.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The project root, as failsafe passes it. */
    public static Path root() {
        return Path.of(System.getProperty("qinqing.root", "../.."))
                .toAbsolutePath()
                .normalize();
    }

    /** Starts the jar and waits until it answers its health check. */
    public static ServiceProcess start(Path jar, String name, String... extraArguments) {
        return start(jar, name, List.of(), Map.of(), extraArguments);
    }

    /**
     * Starts the jar with more JVM options (after the launcher's: a small heap, the C1 compiler, the serial
     * collector) and some of the test environment's properties replaced (another database, for instance).
     */
    public static ServiceProcess start(
            Path jar, String name, List<String> jvmOptions, Map<String, Object> overrides, String... extraArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.add("--server.port=" + port);
        Map<String, Object> properties = new java.util.HashMap<>(TestEnvironment.properties());
        properties.putAll(overrides);
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            command.add("--" + property.getKey() + "=" + property.getValue());
        }
        command.add("--spring.datasource.hikari.maximum-pool-size=6");
        command.addAll(List.of(extraArguments));
        try {
            Path log = Files.createTempFile("qinqing-" + name + "-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ServiceProcess service = new ServiceProcess(process, port, log);
            try {
                HttpApi api = HttpApi.local(port);
                await().atMost(Duration.ofSeconds(240))
                        .pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions()
                        // not an exception in the condition: those are ignored, and a dead process was waited for
                        .failFast(name + " exited; see " + log, () -> !process.isAlive())
                        .until(() -> api.get("/actuator/health").send().status() == 200);
            } catch (RuntimeException | Error e) {
                service.close();
                throw new IllegalStateException(name + " did not start; its log: " + tail(log), e);
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpApi api() {
        return HttpApi.local(port);
    }

    /** The processor time the process has used so far, over all its threads. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Its operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Kills it at once with SIGKILL, as a crash would: no shutdown hook runs, nothing is released, its claims and
     * connections are left for the database and the other instances to notice. Returns once the process is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pid " + process.pid() + " did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        return tail(log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
