package cn.qinqing.notifications.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is sent by a scheduled job (delivery.DeliveringNotifications). */
@Configuration
@EnableScheduling
class SchedulingConfig {}
