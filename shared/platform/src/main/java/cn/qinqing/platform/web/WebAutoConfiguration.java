package cn.qinqing.platform.web;

import cn.qinqing.platform.PlatformProperties;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Problem details (also for the container's own errors), security headers, correlation ids, body limits and idempotency
 * keys for every service's HTTP API.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController(ObjectMapper mapper) {
        return new ProblemErrorController(mapper);
    }

    /**
     * Tomcat's error report valve (Spring Boot adds one, Tomcat another) replaced by one that answers problem details,
     * once the host has added its own and before the application starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        pipeline.removeValve(valve);
                    }
                }
                if (Arrays.stream(pipeline.getValves()).noneMatch(ProblemErrorReportValve.class::isInstance)) {
                    pipeline.addValve(new ProblemErrorReportValve());
                }
            }
        }));
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${qinqing.web.max-body-bytes:262144}") long maxBytes, ObjectMapper mapper) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes, mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    IdempotencyKeys idempotencyKeys(
            JdbcTemplate jdbc, PlatformProperties properties, PlatformTransactionManager transactions) {
        return new IdempotencyKeys(jdbc, properties.schema(), new TransactionTemplate(transactions));
    }
}
