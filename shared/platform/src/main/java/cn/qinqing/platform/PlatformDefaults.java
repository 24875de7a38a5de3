package cn.qinqing.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.ClassUtils;

/**
 * Puts the platform's defaults (Jackson serializers, no Axon Server, no update checker, the local database and
 * issuer) under every service's own configuration, and points Flyway at the service's own schema. A service that
 * depends on db-scheduler (persistent deadlines, ADR 0006) also gets its table and defaults.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "qinqing-platform-defaults";
    private static final String UPDATE_CHECKER = "axoniq.update-checker.disabled";
    /** The id of this running instance of the service: unique among instances, new at each start. */
    public static final String INSTANCE = "qinqing.service.instance";

    private static final String DB_SCHEDULER = "com.github.kagkarlsson.scheduler.Scheduler";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon reads this one as a JVM system property only; these machines have no internet to report to
        if (System.getProperty(UPDATE_CHECKER) == null) {
            System.setProperty(UPDATE_CHECKER, "true");
        }
        try {
            var defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(SOURCE + ".properties"));
            environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE, defaults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String schema = environment.getProperty("qinqing.service.schema");
        if (schema != null) {
            Map<String, Object> flyway = new HashMap<>();
            flyway.put("spring.flyway.schemas", schema);
            flyway.put("spring.flyway.default-schema", schema);
            flyway.put("spring.flyway.create-schemas", "true");
            flyway.put("spring.flyway.locations", "classpath:db/platform,classpath:db/migration");
            if (ClassUtils.isPresent(DB_SCHEDULER, PlatformDefaults.class.getClassLoader())) {
                // a service with persistent deadlines (ADR 0006) gets db-scheduler's table in its schema; out of
                // order, because a service may take deadlines up after its own migrations ran
                flyway.put(
                        "spring.flyway.locations",
                        "classpath:db/platform,classpath:db/deadlines,classpath:db/migration");
                flyway.put("spring.flyway.out-of-order", "true");
                flyway.put("db-scheduler.table-name", "scheduled_tasks");
                // deadlines run only once Axon is up: a deadline that came due while the service was down fires then
                flyway.put("db-scheduler.delay-startup-until-context-ready", "true");
                flyway.put("db-scheduler.polling-interval", "PT2S");
                // an execution picked by an instance that died (kill -9, a lost pod) is picked again once its
                // heartbeat is 4 × 5 s old (4 is db-scheduler's least) — its defaults (5 min × 6) let such a
                // deadline fire 30 min late (found by the kill test, R13); a heartbeat is one UPDATE per execution
                // running, and a deadline runs for milliseconds
                flyway.put("db-scheduler.heartbeat-interval", "PT5S");
                flyway.put("db-scheduler.missed-heartbeats-limit", "4");
                flyway.put("db-scheduler.threads", "4");
            }
            // read models are queried by unqualified names in the service's own schema
            flyway.put("spring.datasource.hikari.schema", schema);
            // one id per running instance: its token claims, and the name by which the instances of a service count
            // one another (SegmentBalancer)
            flyway.put(
                    INSTANCE,
                    environment.getProperty(
                            INSTANCE,
                            ProcessHandle.current().pid() + "-"
                                    + UUID.randomUUID().toString().substring(0, 8)));
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE + "-flyway", flyway));
        }
    }
}
