package cn.qinqing.platform.messaging;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Role;
import cn.qinqing.platform.PlatformDefaults;
import cn.qinqing.platform.PlatformProperties;
import cn.qinqing.platform.eventstore.WakeableEventStore;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.platform.security.EndpointRule;
import cn.qinqing.web.CorrelationIdFilter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * How messages flow inside a service: every processor is a pooled streaming one with the platform's batch size and
 * segments, every command carries who sent it and on whose request, and every event inherits that metadata plus the
 * id of the message that caused it.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
@Import({DeadLetterAdmin.class, ProcessorAdmin.class})
@ConditionalOnClass(CommandBus.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    ConfigurerModule qinqingProcessorDefaults(PlatformProperties properties, ViewProgress viewProgress) {
        PlatformProperties.Processing processing = properties.processing();
        return configurer -> configurer.eventProcessing(eventProcessing -> eventProcessing
                // every finished batch wakes the writes that wait to read themselves (ADR 0008)
                .registerDefaultHandlerInterceptor((config, name) -> viewProgress.interceptor())
                // events naming an appeal are handled in order per appeal, whichever aggregate published them
                .registerDefaultSequencingPolicy(config -> new PerAppealSequencingPolicy())
                // a failing handler is never logged and skipped: its event is dead-lettered, or the batch retried
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .usingPooledStreamingEventProcessors((config, builder) -> builder.batchSize(processing.batchSize())
                        .initialSegmentCount(processing.segments())
                        .maxClaimedSegments(Math.max(processing.segments(), 1) * 4)
                        // segments that a crashed instance left, or another released, are claimed soon after
                        .tokenClaimInterval(
                                claimInterval(processing.claimTimeout()).toMillis())
                        .coordinatorExecutor(name ->
                                java.util.concurrent.Executors.newScheduledThreadPool(1, daemon("coordinator-" + name)))
                        .workerExecutor(name -> java.util.concurrent.Executors.newScheduledThreadPool(
                                processing.threads(), daemon("worker-" + name)))));
    }

    /** How often a coordinator looks for segments to claim: a fifth of the claim timeout, from 0.5 to 5 s. */
    static Duration claimInterval(Duration claimTimeout) {
        Duration fifth = claimTimeout.dividedBy(5);
        return fifth.compareTo(Duration.ofMillis(500)) < 0
                ? Duration.ofMillis(500)
                : fifth.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : fifth;
    }

    /** Several instances of a service split their processors' segments (R7). */
    @Bean
    SegmentBalancer segmentBalancer(
            EventProcessingConfiguration eventProcessing,
            DataSource dataSource,
            PlatformProperties properties,
            Environment environment) {
        return new SegmentBalancer(
                eventProcessing,
                dataSource,
                properties.schema(),
                properties.name(),
                environment.getRequiredProperty(PlatformDefaults.INSTANCE),
                properties.processing().claimTimeout());
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Who and on whose request: copied from every message to the messages it causes. */
    @Bean
    CorrelationDataProvider qinqingAuditCorrelation() {
        return new SimpleCorrelationDataProvider(
                MetadataKeys.ACTOR,
                MetadataKeys.ROLE,
                MetadataKeys.ENTERPRISE,
                MetadataKeys.DEPARTMENT,
                MetadataKeys.CORRELATION);
    }

    /** The message being handled is the cause of whatever its handler produces. */
    @Bean
    CorrelationDataProvider qinqingCausation() {
        return message -> Map.of(MetadataKeys.CAUSATION, message.getIdentifier());
    }

    /**
     * Commands sent from a web request carry the authenticated actor and the request's correlation id; commands sent
     * by a reaction already carry what their event had, and say so with their own actor.
     */
    @Bean
    ConfigurerModule qinqingCommandMetadata(PlatformProperties properties) {
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = messages -> (index, command) -> {
            if (command.getMetaData().containsKey(MetadataKeys.ACTOR)) {
                return command;
            }
            Map<String, Object> metadata = new HashMap<>();
            Actor.current().ifPresentOrElse(actor -> metadata.putAll(actor.asMetadata()), () -> {
                metadata.put(MetadataKeys.ACTOR, "system:" + properties.name());
                metadata.put(MetadataKeys.ROLE, "SYSTEM");
            });
            if (!command.getMetaData().containsKey(MetadataKeys.CORRELATION)) {
                metadata.put(
                        MetadataKeys.CORRELATION, CorrelationIdFilter.current().orElse(command.getIdentifier()));
            }
            return command.andMetaData(metadata);
        };
        return configurer -> configurer.onInitialize(config ->
                config.onStart(Integer.MIN_VALUE, () -> config.commandBus().registerDispatchInterceptor(interceptor)));
    }

    /** Replaces Axon's per-property dead-letter switch: every processing group parks what it cannot handle. */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties properties,
            ConnectionProvider connections,
            TransactionManager transactions,
            DeadLetterSchema schema) {
        return new DeadLetterQueues(properties, connections, transactions, schema);
    }

    @Bean
    SavepointPerEventHandler savepointPerEventHandler(
            org.springframework.transaction.PlatformTransactionManager transactions) {
        return new SavepointPerEventHandler(transactions);
    }

    /**
     * Every processing group remembers, per segment, which sequences have dead letters, instead of asking the database
     * ({@code SELECT COUNT(*)} on the dead-letter table) before each event it handles. The cache is rebuilt whenever
     * the segment is claimed, so a segment taken over from another instance starts from what the table holds.
     * Registered first: a service that configures a group's dead-lettering itself (oversight) overrides it.
     */
    @Bean
    ConfigurerModule qinqingDeadLetterCache(ConfigurableListableBeanFactory beans) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                Set<String> groups = new TreeSet<>();
                for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                    ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
                    if (group != null) {
                        groups.add(group.value());
                    }
                }
                configurer.eventProcessing(processing ->
                        groups.forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                                group, (config, builder) -> builder.enableSequenceIdentifierCache())));
            }

            @Override
            public int order() {
                return Integer.MIN_VALUE;
            }
        };
    }

    /**
     * A reaction group (one whose handlers {@code @DisallowReplay}: they send commands) handles, at its first start,
     * every event already in the store as it happened. Axon's default first token replays the store up to its head,
     * and a reaction skips replayed events: an appeal filed before assignment's routing group first started — on a
     * fresh platform whose services start side by side, or at a first deployment — would never be routed. Reactions
     * are idempotent (ARCHITECTURE.md: deterministic ids, duplicates refused), so handling that history is safe; an
     * explicit reset still replays, and still skips them.
     */
    @Bean
    ConfigurerModule qinqingReactionsFromTheFirstEvent(ConfigurableListableBeanFactory beans) {
        return configurer -> {
            Set<String> groups = new TreeSet<>();
            for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
                if (group != null && beans.findAnnotationOnBean(name, DisallowReplay.class) != null) {
                    groups.add(group.value());
                }
            }
            configurer.eventProcessing(
                    processing -> groups.forEach(group -> processing.registerPooledStreamingEventProcessorConfiguration(
                            group,
                            (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken))));
        };
    }

    /** Only an admin handles dead letters. */
    @Bean
    AuthorizationPolicy deadLetterAdminPolicy(PlatformProperties properties) {
        String base = "/api/" + properties.name() + "/admin/dead-letters";
        return () -> List.of(
                EndpointRule.allow(HttpMethod.GET, base, Role.ADMIN),
                EndpointRule.allow(HttpMethod.POST, base + "/{group}/retry", Role.ADMIN),
                EndpointRule.allow(HttpMethod.GET, base + "/{group}/{letterId}", Role.ADMIN),
                EndpointRule.allow(HttpMethod.DELETE, base + "/{group}/{letterId}", Role.ADMIN));
    }

    /** Only an admin sees and splits the processors' segments. */
    @Bean
    AuthorizationPolicy processorAdminPolicy(PlatformProperties properties) {
        String base = "/api/" + properties.name() + "/admin/processors";
        return () -> List.of(
                EndpointRule.allow(HttpMethod.GET, base, Role.ADMIN),
                EndpointRule.allow(HttpMethod.POST, base + "/{name}/split", Role.ADMIN));
    }

    @Bean
    ViewProgress viewProgress() {
        return new ViewProgress();
    }

    /** A client's write answers once this service's processors have handled its events (ADR 0008). */
    @Bean
    ReadYourWrites readYourWrites(
            EventProcessingConfiguration eventProcessing,
            ViewProgress viewProgress,
            JdbcTemplate jdbc,
            @Qualifier("serializer") Serializer serializer,
            PlatformProperties properties,
            EventBus eventBus) {
        ReadYourWrites readYourWrites = new ReadYourWrites(
                eventProcessing,
                viewProgress,
                jdbc,
                serializer,
                properties.schema(),
                properties.processing().readYourWrites());
        if (eventBus instanceof WakeableEventStore store) {
            store.onAfterCommit(readYourWrites::afterCommit);
        }
        return readYourWrites;
    }

    /** Controllers' commands wait for their views once the command's unit of work is over (ADR 0008). */
    @Bean
    static BeanPostProcessor qinqingReadYourWritesGateway() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof CommandGateway gateway && !(bean instanceof ReadYourWritesGateway)
                        ? new ReadYourWritesGateway(gateway)
                        : bean;
            }
        };
    }

    /**
     * A controller that publishes an event without a command (the calendar's load) waits for its views too, once the
     * event is committed (ADR 0008).
     */
    @Bean
    static BeanPostProcessor qinqingReadYourWritesEventGateway() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventGateway gateway && !(bean instanceof ReadYourWritesEventGateway)
                        ? new ReadYourWritesEventGateway(gateway)
                        : bean;
            }
        };
    }

    /** Positions from the token store, and from this instance's own processors where they are ahead of it. */
    @Bean
    ProcessorPositions processorPositions(
            JdbcTemplate jdbc, PlatformProperties properties, ObjectProvider<EventProcessingConfiguration> processing) {
        // looked up at the first read rather than on every one (a service without processors has none: asked again)
        SingletonSupplier<EventProcessingConfiguration> configurations =
                SingletonSupplier.of(processing::getIfAvailable);
        return new ProcessorPositions(jdbc, properties.schema(), group -> {
            EventProcessingConfiguration configuration = configurations.get();
            if (configuration == null) {
                return Map.of();
            }
            Map<Integer, TrackingToken> tokens = new HashMap<>();
            configuration
                    .eventProcessor(group, StreamingEventProcessor.class)
                    .ifPresent(processor -> processor.processingStatus().forEach((segment, status) -> {
                        if (status.getTrackingToken() != null && !status.isErrorState()) {
                            tokens.put(segment, status.getTrackingToken());
                        }
                    }));
            return tokens;
        });
    }
}
