package cn.qinqing.resolution.config;

import cn.qinqing.language.Urgency;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SLA rules of {@code qinqing.resolution.sla} (see the README).
 *
 * @param clock WORKING counts working time on the working calendar; ELAPSED counts plain time, for short tests
 * @param day the counted time of one SLA day: PT7H (a working day) on the WORKING clock
 * @param firstContactDays days to first contact with the enterprise
 * @param resolutionDays days to the answer, by urgency
 */
@ConfigurationProperties("qinqing.resolution.sla")
record SlaProperties(Clock clock, Duration day, int firstContactDays, Map<Urgency, Integer> resolutionDays) {

    enum Clock {
        WORKING,
        ELAPSED
    }

    SlaProperties {
        clock = clock == null ? Clock.WORKING : clock;
        day = day == null ? Duration.ofHours(7) : day;
        firstContactDays = firstContactDays <= 0 ? 1 : firstContactDays;
        resolutionDays = resolutionDays == null || resolutionDays.isEmpty()
                ? Map.of(Urgency.EMERGENCY, 2, Urgency.URGENT, 5, Urgency.NORMAL, 15)
                : resolutionDays;
    }
}
