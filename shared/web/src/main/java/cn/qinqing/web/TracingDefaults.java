package cn.qinqing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Under every service's own configuration, the portal and identity included: traces off until {@code
 * management.tracing.enabled=true}, then every request sampled and sent by OTLP, and no exemplars on the metrics
 * (docs/operations.md, Traces). A service with Micrometer Tracing on its classpath has a trace id in the log context of
 * each request either way; with tracing on, its outgoing calls carry the W3C {@code traceparent}.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "qinqing-tracing-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(SOURCE + ".properties"));
            environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE, defaults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
