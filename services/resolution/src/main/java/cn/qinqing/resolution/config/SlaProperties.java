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
 * @param warningBefore counted time before a clock (first contact, the answer) runs out that the department is warned
 *     (临期预警): one SLA day ({@code day}) unless set; at most half the clock's window; PT0S warns nobody
 */
@ConfigurationProperties("qinqing.resolution.sla")
record SlaProperties(
        Clock clock, Duration day, int firstContactDays, Map<Urgency, Integer> resolutionDays, Duration warningBefore) {

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
        warningBefore = warningBefore == null ? day : warningBefore;
        if (warningBefore.isNegative()) {
            throw new IllegalArgumentException("qinqing.resolution.sla.warning-before must not be negative");
        }
    }
}
