package cn.qinqing.platform.web;

import cn.qinqing.platform.PlatformProperties;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.messaging.ProcessorPositions;
import cn.qinqing.web.HeadersOnEveryAnswer;
import cn.qinqing.web.SecureErrorReportValve;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
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
 * Problem details (also for the container's own errors), security headers, body limits, idempotent creates and fresh
 * reads for every service's HTTP API; correlation ids come from shared/web ({@code CorrelationIdAutoConfiguration}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    @Bean
    FilterRegistrationBean<HeadersOnEveryAnswer> securityHeadersFilter() {
        return HeadersOnEveryAnswer.registration(SecurityHeaders.ALL);
    }

    @Bean
    ProblemErrorController problemErrorController(ObjectMapper mapper) {
        return new ProblemErrorController(mapper);
    }

    /** Problem details with the security headers also for requests Tomcat refuses before any filter runs. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return SecureErrorReportValve.insteadOfTomcats(ProblemErrorReportValve::new);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${qinqing.web.max-body-bytes:262144}") long maxBytes,
            ObjectMapper mapper,
            ObjectProvider<MultipartConfigElement> multipart) {
        // a service that stores documents takes multipart requests up to its multipart limit (DocumentsProperties)
        MultipartConfigElement uploads = multipart.getIfAvailable();
        long maxMultipartBytes = uploads == null ? 0 : uploads.getMaxRequestSize();
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes, maxMultipartBytes, mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    IdempotencyKeys idempotencyKeys(
            JdbcTemplate jdbc, PlatformProperties properties, PlatformTransactionManager transactions) {
        return new IdempotencyKeys(jdbc, properties.schema(), new TransactionTemplate(transactions));
    }

    /** The one way a controller creates with an {@code Idempotency-Key}. */
    @Bean
    IdempotentCreates idempotentCreates(IdempotencyKeys keys, ObjectMapper mapper) {
        return new IdempotentCreates(keys, mapper);
    }

    /** The one way a controller answers a read with its read model's freshness. */
    @Bean
    FreshReads freshReads(ProcessorPositions positions) {
        return new FreshReads(positions);
    }
}
