package cn.qinqing.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * HAProxy in front of several instances of every service ({@code ./deploy/run.sh --replicas=N}): one frontend per
 * service on its usual port, round robin over the instances that answer their readiness check, as a Kubernetes
 * Service spreads over ready pods. A request whose instance dies before it answers is sent to another instance when
 * the connection failed or the answer was empty; anything else reaches the client as an error it can retry (creates
 * carry an {@code Idempotency-Key}, so a retry makes no second appeal).
 *
 * <p>HAProxy is Debian's package: when it is missing the launcher installs it with {@code apt-get install -y haproxy}
 * (as root, which the project's machines are) and says so; elsewhere it asks you to install it.
 */
final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final Path config;

    private LoadBalancer(Process process, Path config) {
        this.process = process;
        this.config = config;
    }

    /**
     * Writes the configuration, checks it and starts HAProxy in the foreground as a child of the launcher.
     *
     * @param frontends the public port of each service, by name, in the order to write them
     * @param instances the ports of each service's instances, by name
     */
    static LoadBalancer start(
            Path directory, Map<String, Integer> frontends, Map<String, List<Integer>> instances, Consumer<String> out)
            throws IOException {
        String haproxy = installed(out);
        Files.createDirectories(directory);
        Path config = directory.resolve("haproxy.cfg");
        Files.writeString(config, configuration(frontends, instances), StandardCharsets.UTF_8);
        run(List.of(haproxy, "-c", "-q", "-f", config.toString()), "HAProxy refuses its configuration " + config);
        Path log = directory.resolve("haproxy.log");
        Process process = new ProcessBuilder(haproxy, "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        process.getOutputStream().close();
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                throw new IllegalStateException("HAProxy stopped at once (exit code " + process.exitValue() + "); see "
                        + log + " (is a port of the platform taken?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.accept("HAProxy (pid " + process.pid() + ") in front of " + frontends.size() + " services; configuration "
                + config);
        return new LoadBalancer(process, config);
    }

    long pid() {
        return process.pid();
    }

    Path config() {
        return config;
    }

    @Override
    public void close() {
        // SIGTERM: HAProxy closes its listeners and connections at once
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** HAProxy's configuration: a frontend per service, a backend of its instances with readiness checks. */
    static String configuration(Map<String, Integer> frontends, Map<String, List<Integer>> instances) {
        StringBuilder cfg = new StringBuilder(
                """
                # Written by ./deploy/run.sh --replicas: every service's usual port in front of its instances.
                global
                  maxconn 4000

                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout queue 10s
                  # a request whose instance refused the connection or closed it without an answer goes to another one
                  retries 3
                  option redispatch 1
                  retry-on conn-failure empty-response
                  option forwardfor
                  # an instance is out after two failed checks a second apart, back after two good ones
                  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
                """);
        Map<String, Integer> ordered = new LinkedHashMap<>(frontends);
        ordered.forEach((service, port) -> {
            cfg.append('\n')
                    .append("frontend ")
                    .append(service)
                    .append('\n')
                    .append("  bind :")
                    .append(port)
                    .append('\n')
                    .append("  default_backend ")
                    .append(service)
                    .append('\n')
                    .append('\n')
                    .append("backend ")
                    .append(service)
                    .append('\n')
                    .append("  balance roundrobin\n")
                    .append("  option httpchk GET /actuator/health/readiness\n")
                    .append("  http-check expect status 200\n");
            List<Integer> ports = instances.getOrDefault(service, List.of());
            for (int i = 0; i < ports.size(); i++) {
                cfg.append("  server ")
                        .append(service)
                        .append('-')
                        .append(i + 1)
                        .append(" 127.0.0.1:")
                        .append(ports.get(i))
                        .append(" check\n");
            }
        });
        return cfg.toString();
    }

    /** The haproxy executable, installed from Debian's packages when it is missing and we may. */
    private static String installed(Consumer<String> out) throws IOException {
        Optional<String> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || find("apt-get").isEmpty()) {
            throw new IllegalStateException(
                    "--replicas needs HAProxy as its load balancer: install Debian's package (sudo apt-get install -y"
                            + " haproxy) and start again");
        }
        out.accept("--replicas needs a load balancer: installing Debian's haproxy (apt-get install -y haproxy)…");
        List<String> install = List.of("apt-get", "install", "-y", "-q", "haproxy");
        if (!succeeds(install)) {
            // a machine that never read its package lists
            succeeds(List.of("apt-get", "update", "-q"));
            run(install, "apt-get install -y haproxy failed");
        }
        return find().orElseThrow(() -> new IllegalStateException("haproxy is not on PATH after its installation"));
    }

    private static Optional<String> find() {
        Optional<String> onPath = find("haproxy");
        return onPath.isPresent()
                ? onPath
                : Optional.of("/usr/sbin/haproxy").filter(path -> Files.isExecutable(Path.of(path)));
    }

    private static Optional<String> find(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean succeeds(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            return builder.start().waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command, String failure) throws IOException {
        List<String> output = new ArrayList<>();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(output::add);
        }
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(failure + ":\n" + String.join("\n", output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
