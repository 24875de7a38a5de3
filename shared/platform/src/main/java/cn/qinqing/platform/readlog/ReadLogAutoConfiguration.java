package cn.qinqing.platform.readlog;

import cn.qinqing.platform.PlatformProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The read log (issue 22, ADR 0011) in every service that keeps events: {@link RecordsRead} endpoints append who
 * read what to {@code event_store.read_log}, the platform's table beside the event store.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass(JdbcEventStorageEngine.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class ReadLogAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    ReadLog readLog(JdbcTemplate jdbc, ObjectMapper mapper, PlatformProperties platform) {
        return new ReadLog(jdbc, mapper, platform.name(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBean(ReadLog.class)
    WebMvcConfigurer readLogInterceptor(ReadLog readLog) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ReadLogInterceptor(readLog));
            }
        };
    }
}
