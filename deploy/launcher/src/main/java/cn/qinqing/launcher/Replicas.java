package cn.qinqing.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * {@code ./deploy/run.sh --replicas=N}: N instances of every service, each set a {@link Platform} of its own on ports
 * the launcher chooses, behind {@link LoadBalancer HAProxy} on the usual ports, the topology of the Kubernetes
 * manifests (deploy/k8s) on one machine. Every instance is told the public addresses only: the issuer is HAProxy's
 * identity port, the portal calls the services through HAProxy, so that any instance may serve any request; sessions
 * and rate limits are in PostgreSQL, processors split their segments through the token store.
 */
final class Replicas implements AutoCloseable {

    private final List<Platform> instances;
    private final LoadBalancer balancer;
    private final Map<String, Integer> frontends;

    private Replicas(List<Platform> instances, LoadBalancer balancer, Map<String, Integer> frontends) {
        this.instances = instances;
        this.balancer = balancer;
        this.frontends = frontends;
    }

    /**
     * Builds N platforms on free ports, starts them side by side, then HAProxy in front of them.
     *
     * @param configure sets what every platform shares (database, roles, services, JVM options, timeout)
     */
    static Replicas start(
            int replicas,
            Path root,
            Path run,
            int portOffset,
            List<ServiceDefinition> services,
            Consumer<Platform.Builder> configure,
            Consumer<String> progress,
            BiConsumer<RunningService, Integer> unexpectedExit)
            throws IOException {
        ToIntFunction<String> publicPort = name -> ServiceCatalog.service(name).port() + portOffset;
        URI issuer = URI.create("http://localhost:" + publicPort.applyAsInt(ServiceDefinition.IDENTITY));
        List<Platform> platforms = new ArrayList<>();
        // ports chosen here, each once: two free-port look-ups in a row may get the same port back from the system
        Set<Integer> taken = new HashSet<>();
        for (int i = 1; i <= replicas; i++) {
            String tag = "[" + i + "] ";
            Platform.Builder builder = Platform.builder(root);
            configure.accept(builder);
            for (ServiceDefinition service : services) {
                int port;
                do {
                    port = Platform.freePort();
                } while (!taken.add(port) || port == publicPort.applyAsInt(service.name()));
                builder.port(service.name(), port);
            }
            builder.issuer(issuer)
                    .runDirectory(run.resolve("replicas").resolve(Integer.toString(i)))
                    .progress(message -> progress.accept(tag + message))
                    .onUnexpectedExit(unexpectedExit);
            ServiceCatalog.wiring(publicPort)
                    .forEach((name, arguments) -> builder.arguments(name, arguments.toArray(String[]::new)));
            // the portal's sign-in redirect names the address people use, HAProxy's, not the instance's own port
            builder.arguments(
                    ServiceCatalog.PORTAL,
                    "--qinqing.portal.public-url=http://localhost:" + publicPort.applyAsInt(ServiceCatalog.PORTAL));
            platforms.add(builder.build());
        }
        try {
            CompletableFuture.allOf(platforms.stream()
                            .map(platform -> CompletableFuture.runAsync(platform::start))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            platforms.forEach(Platform::stop);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Map<String, Integer> frontends = new LinkedHashMap<>();
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        for (ServiceDefinition service : services) {
            frontends.put(service.name(), publicPort.applyAsInt(service.name()));
            ports.put(
                    service.name(),
                    platforms.stream()
                            .map(platform -> platform.service(service.name()).port())
                            .toList());
        }
        try {
            LoadBalancer balancer = LoadBalancer.start(run.resolve("haproxy"), frontends, ports, progress);
            return new Replicas(List.copyOf(platforms), balancer, frontends);
        } catch (IOException | RuntimeException e) {
            platforms.forEach(Platform::stop);
            throw e;
        }
    }

    List<Platform> instances() {
        return instances;
    }

    Map<String, Integer> frontends() {
        return frontends;
    }

    LoadBalancer balancer() {
        return balancer;
    }

    /** HAProxy first, so that no new request reaches an instance that is stopping; then every instance. */
    @Override
    public void close() {
        balancer.close();
        instances.parallelStream().forEach(Platform::stop);
    }
}
