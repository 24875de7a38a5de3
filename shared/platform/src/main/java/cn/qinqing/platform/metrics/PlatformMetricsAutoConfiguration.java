package cn.qinqing.platform.metrics;

import cn.qinqing.platform.PlatformProperties;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operator reads from every event-sourced service at {@code /actuator/prometheus}, beside what Spring Boot
 * (HTTP server with route templates, JVM, HikariCP) and Axon (processors, command bus, event store; axon-micrometer,
 * dimensional) measure: the lag of every processing group, its dead letters, and the service's deadlines. The
 * metrics are tagged with the service's name ({@code application}). Who may read them: {@code ScrapeAccess}.
 */
@AutoConfiguration(after = MetricsAutoConfiguration.class, before = MicrometerMetricsAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformMetricsAutoConfiguration {

    /** Every meter says which service it comes from; Prometheus adds the instance. */
    @Bean
    MeterFilter qinqingApplicationTag(PlatformProperties properties, Environment environment) {
        String name = properties.name() != null
                ? properties.name()
                : environment.getProperty("spring.application.name", "qinqing");
        return MeterFilter.commonTags(io.micrometer.core.instrument.Tags.of("application", name));
    }

    /**
     * Axon times every handled event in up to four timers per processor and payload type, each with client-side
     * percentiles: six HdrHistograms per timer (its ten-minute window's ring buffer), 5 MiB in a service with ~460
     * such timers, which fill during the first hour (the R11 soak's rise of the heap) and take a recording for every
     * event. Prometheus keeps each timer's count, sum and max without them, and nothing reads a processor's quantile
     * (the dashboard's latency panel is {@code eventProcessor_latency}); the command bus keeps its percentiles.
     */
    @Bean
    MeterFilter qinqingProcessorTimersWithoutPercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith("eventProcessor.")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles()
                        .percentilesHistogram(false)
                        .build()
                        .merge(config);
            }
        };
    }

    /**
     * Axon's metric registry with each processor's capacity measured over {@code qinqing.metrics.capacity-window}
     * (10 s) rather than ten minutes, whose list of every message seen grew with a replay until the heap was full
     * ({@link BoundedCapacityMetricRegistry}). Axon's auto-configuration steps back for it.
     */
    @Bean
    @ConditionalOnClass(GlobalMetricRegistry.class)
    GlobalMetricRegistry qinqingGlobalMetricRegistry(MeterRegistry registry, Environment environment) {
        return new BoundedCapacityMetricRegistry(
                registry,
                environment.getProperty("qinqing.metrics.capacity-window", Duration.class, Duration.ofSeconds(10)));
    }

    /** Lag and dead letters of every processing group, once Axon has named them all. */
    @Bean
    @ConditionalOnClass(EventProcessingConfiguration.class)
    @ConditionalOnProperty("qinqing.service.schema")
    SmartInitializingSingleton qinqingProcessorLag(
            ObjectProvider<MeterRegistry> registry,
            ObjectProvider<EventProcessingConfiguration> processing,
            JdbcTemplate jdbc,
            PlatformProperties properties) {
        return () -> processing.ifAvailable(axon -> new ProcessorLag(jdbc, properties.schema(), Clock.systemUTC())
                .bindTo(registry.getObject(), axon.eventProcessors().keySet()));
    }

    /** The service's persistent deadlines (ADR 0006), where it has any. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.github.kagkarlsson.scheduler.Scheduler")
    @ConditionalOnProperty("qinqing.service.schema")
    static class Deadlines {

        @Bean
        DeadlineMetrics qinqingDeadlineMetrics(
                MeterRegistry registry, JdbcTemplate jdbc, PlatformProperties properties, Environment environment) {
            return new DeadlineMetrics(
                    registry,
                    jdbc,
                    properties.schema(),
                    Clock.systemUTC(),
                    environment.getProperty("qinqing.metrics.late-deadline", Duration.class, Duration.ofMinutes(1)));
        }
    }
}
