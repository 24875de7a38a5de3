package cn.qinqing.oversight.config;

import cn.qinqing.oversight.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' processing group, tuned for replays: the dead-letter queue the platform gives every group is asked
 * whether an event's appeal has letters waiting only when it may (Axon's sequence-identifier cache, instead of one
 * query per event), and a replay starts with an empty queue (the letters of the old run are cleared with the read
 * models; whatever still fails is parked again).
 */
@Configuration
class ProcessingConfig {

    /**
     * Events per transaction ({@code qinqing.oversight.batch-size}, default 500): the facts of a batch go in one
     * statement, so bigger batches cost fewer round trips.
     */
    @Bean
    ConfigurerModule oversightBatchSize(@Value("${qinqing.oversight.batch-size:500}") int batchSize) {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        ProcessingGroups.READ_MODELS, (config, builder) -> builder.batchSize(batchSize)));
    }

    @Bean
    ConfigurerModule oversightDeadLetteringInvoker() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        ProcessingGroups.READ_MODELS, (config, builder) -> builder.enableSequenceIdentifierCache()
                                .allowReset(true)));
    }
}
