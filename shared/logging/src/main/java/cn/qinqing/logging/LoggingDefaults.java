package cn.qinqing.logging;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Under every service's own configuration: the JSON format of the production profile's log lines (Elastic Common
 * Schema; {@code logging.structured.format.console=logstash} chooses the other) and the masking of personal data in
 * them. logback-spring.xml writes JSON only when the {@code production} profile is active.
 */
public class LoggingDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "qinqing-logging-defaults",
                        Map.of(
                                "logging.structured.format.console",
                                "ecs",
                                "logging.structured.json.customizer",
                                MaskedJsonMembers.class.getName(),
                                "logging.structured.ecs.service.name",
                                environment.getProperty("spring.application.name", "qinqing"))));
    }
}
