package cn.qinqing.oversight.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The monthly freeze of the rankings runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class SchedulingConfig {}
