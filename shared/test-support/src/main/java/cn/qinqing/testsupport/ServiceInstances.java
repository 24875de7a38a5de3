package cn.qinqing.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole instances of one service started, stopped and restarted in the test's JVM against the test database, for the
 * tests that need more than one instance or a restart (persistent deadlines, R8 of docs/reliability.md).
 */
public final class ServiceInstances implements AutoCloseable {

    private final Class<?> application;
    private final Map<String, ?> properties;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /**
     * @param properties given as command-line arguments, so that they win over the service's own application.yml; each
     *     instance also gets a random port and, since the machine's PostgreSQL is shared, a pool of a few connections
     */
    public ServiceInstances(Class<?> application, Map<String, ?> properties) {
        this.application = application;
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.datasource.hikari.maximum-pool-size", "4");
        all.put("spring.datasource.hikari.minimum-idle", "1");
        all.putAll(properties);
        this.properties = all;
    }

    public ConfigurableApplicationContext start() {
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(application).run(arguments);
        running.add(instance);
        return instance;
    }

    public void stop(ConfigurableApplicationContext instance) {
        instance.close();
        running.remove(instance);
    }

    /** The port an instance serves HTTP on. */
    public static int port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getProperty("local.server.port", Integer.class);
    }

    /** Stops every instance still running. */
    @Override
    public void close() {
        new ArrayList<>(running).forEach(this::stop);
    }
}
