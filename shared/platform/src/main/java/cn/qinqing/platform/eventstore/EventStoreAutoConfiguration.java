package cn.qinqing.platform.eventstore;

import cn.qinqing.platform.PlatformDefaults;
import cn.qinqing.platform.PlatformProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The event store every service shares (ADR 0001): Axon's JDBC storage engine on the {@code event_store} schema with
 * snake_case names and {@code bytea} columns, Jackson serialization, a token store and dead-letter table in the
 * service's own schema, and LISTEN/NOTIFY so that other processes' events arrive without waiting for a poll.
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@ConditionalOnClass(JdbcEventStorageEngine.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class EventStoreAutoConfiguration {

    public static final String EVENT_STORE_SCHEMA = "event_store";

    private final PlatformProperties properties;

    EventStoreAutoConfiguration(PlatformProperties properties) {
        if (properties.name() == null || properties.schema() == null) {
            throw new IllegalStateException("qinqing.service.name and qinqing.service.schema must be set");
        }
        this.properties = properties;
    }

    /** The event store's own migrations run first, then the service's; both under Flyway's lock. */
    @Bean
    FlywayMigrationStrategy qinqingFlywayMigrationStrategy() {
        return serviceFlyway -> {
            migrateEventStore(serviceFlyway.getConfiguration().getDataSource());
            serviceFlyway.migrate();
        };
    }

    public static void migrateEventStore(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(EVENT_STORE_SCHEMA)
                .defaultSchema(EVENT_STORE_SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/event-store")
                .load()
                .migrate();
    }

    /** Axon's serializers get their own mapper, lenient on fields they do not know, so old readers survive new events. */
    @Bean
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build()
                .copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The web layer keeps Boot's mapper as the primary one. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer qinqingJackson() {
        return builder -> builder.failOnUnknownProperties(false);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_STORE_SCHEMA + ".domain_event_entry")
                .snapshotTable(EVENT_STORE_SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** R9: every aggregate reads only the events of its own type (static: a post-processor of the other beans). */
    @Bean
    static AggregatesReadTheirOwnEvents aggregatesReadTheirOwnEvents() {
        return new AggregatesReadTheirOwnEvents();
    }

    /** Recognises PostgreSQL's unique violations, which is how two writers of one aggregate are told apart. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(500)
                .gapCleaningThreshold(properties.processing().gapCleaningThreshold());
        return new BoundedFetchJdbcEventStorageEngine(
                builder, properties.processing().cachedEvents());
    }

    @Bean(name = "eventBus")
    public WakeableEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return (WakeableEventStore) WakeableEventStore.wakeableBuilder()
                .coalesce(properties.processing().coalesce().toNanos(), TimeUnit.NANOSECONDS)
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(properties.processing().pollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .cachedEvents(properties.processing().cachedEvents())
                .cleanupDelay(properties.processing().cleanupDelay().toMillis())
                .build();
    }

    @Bean
    public AggregateStreams aggregateStreams(EventStore eventStore) {
        return new AggregateStreams(eventStore);
    }

    @Bean
    PostgresEventNotifications postgresEventNotifications(DataSource dataSource, EventBus eventBus) {
        return new PostgresEventNotifications(dataSource, (WakeableEventStore) eventBus);
    }

    /** Alarms when the LISTEN connection is down: the health component says so, and a gauge an alert can read. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, MeterRegistry.class})
    static class NotificationsHealth {

        @Bean
        HealthIndicator eventNotificationsHealthIndicator(PostgresEventNotifications notifications) {
            // UP either way: the service works on while polling; an operator reads "listening" and the gauge
            return () -> Health.up()
                    .withDetail("listening", notifications.listening())
                    .withDetail("received", notifications.received())
                    .withDetail("reconnects", notifications.reconnects())
                    .build();
        }

        /** A meter binder, not a second bean of the notifications' type (which made them ambiguous to inject). */
        @Bean
        MeterBinder eventNotificationsGauge(PostgresEventNotifications notifications) {
            return meters -> Gauge.builder(
                            "qinqing.event.notifications.listening", notifications, n -> n.listening() ? 1 : 0)
                    .description("1 while the LISTEN connection that wakes the processors is up, 0 while polling")
                    .register(meters);
        }
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(properties.schema() + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            Environment environment) {
        return JdbcTokenStore.builder()
                // unique per instance, also when two instances share a JVM (tests): the default, pid@host, is not
                .nodeId(environment.getProperty(
                        PlatformDefaults.INSTANCE,
                        ManagementFactory.getRuntimeMXBean().getName()))
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(properties.processing().claimTimeout())
                .build();
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable(properties.schema() + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_id")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_id")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
