package cn.qinqing.platform.messaging;

import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;

/**
 * Every processing group of every service gets a sequenced dead-letter queue in PostgreSQL (the service schema's
 * {@code dead_letter_entry}): an event a handler throws on is parked there with its cause, the processor goes on, and
 * later events of the same appeal wait behind it so that their order is kept. Axon would enable it per group from
 * properties only; a poison event must never stall or be skipped anywhere.
 */
class DeadLetterQueues extends DeadLetterQueueProviderConfigurerModule {

    private final Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> provider;

    DeadLetterQueues(
            EventProcessorProperties properties,
            ConnectionProvider connections,
            TransactionManager transactions,
            DeadLetterSchema schema) {
        this(
                properties,
                group -> config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .build());
    }

    private DeadLetterQueues(
            EventProcessorProperties properties,
            Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> provider) {
        super(properties, provider);
        this.provider = provider;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDeadLetterQueueProvider(provider);
    }
}
