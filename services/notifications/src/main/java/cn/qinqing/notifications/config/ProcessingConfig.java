package cn.qinqing.notifications.config;

import cn.qinqing.notifications.notice.NotifyingPeople;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one processing group may be reset (a replay): what it wrote is keyed by event, person and channel, so a replay
 * relearns the directory and sends nothing twice.
 */
@Configuration
class ProcessingConfig {

    @Bean
    ConfigurerModule notificationsMayReplay() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        NotifyingPeople.GROUP, (config, builder) -> builder.allowReset(true)));
    }
}
