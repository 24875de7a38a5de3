package cn.qinqing.resolution.config;

import cn.qinqing.resolution.calendar.CalendarInForce;
import cn.qinqing.resolution.casefile.command.SlaClock;
import cn.qinqing.resolution.casefile.command.SlaPolicy;
import cn.qinqing.resolution.casefile.command.SlaTierLookup;
import cn.qinqing.resolution.slatier.query.SlaTiers;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA policy the case files count with: the SLA tiers an administrator set, else {@link SlaProperties}. */
@Configuration
@EnableConfigurationProperties(SlaProperties.class)
class SlaConfiguration {

    @Bean
    SlaPolicy slaPolicy(SlaProperties properties, CalendarInForce calendar, SlaTiers tiers) {
        SlaClock clock =
                switch (properties.clock()) {
                    case WORKING -> new WorkingTimeClock(calendar);
                    case ELAPSED -> new ElapsedClock();
                };
        SlaTierLookup lookup = (category, urgency, began) -> tiers.inForce(category.name(), urgency.name(), began)
                .map(tier -> new SlaTierLookup.Limits(tier.firstContactDays(), tier.resolutionDays()));
        return new SlaPolicy(
                clock,
                properties.day(),
                properties.warningBefore(),
                properties.firstContactDays(),
                properties.resolutionDays(),
                lookup);
    }

    /** Working time on the calendar in force (the bundled years, overlaid by what an admin loaded). */
    record WorkingTimeClock(CalendarInForce calendar) implements SlaClock {
        @Override
        public Instant add(Instant start, Duration time) {
            return calendar.current().addWorkingTime(start, time);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return calendar.current().workingTimeBetween(from, to);
        }

        @Override
        public boolean provisional(Instant from, Instant to) {
            return calendar.current().dependsOnProvisionalYear(from, to);
        }
    }

    /** Plain elapsed time, night and holidays included: only for tests that need a deadline in seconds. */
    record ElapsedClock() implements SlaClock {
        @Override
        public Instant add(Instant start, Duration time) {
            return start.plus(time);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public boolean provisional(Instant from, Instant to) {
            return false;
        }
    }
}
