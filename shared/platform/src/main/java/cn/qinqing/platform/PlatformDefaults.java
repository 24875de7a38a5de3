package cn.qinqing.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Puts the platform's defaults (Jackson serializers, no Axon Server, no update checker, the local database and
 * issuer) under every service's own configuration, and points Flyway at the service's own schema.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "qinqing-platform-defaults";
    private static final String UPDATE_CHECKER = "axoniq.update-checker.disabled";

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
            // read models are queried by unqualified names in the service's own schema
            flyway.put("spring.datasource.hikari.schema", schema);
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE + "-flyway", flyway));
        }
    }
}
