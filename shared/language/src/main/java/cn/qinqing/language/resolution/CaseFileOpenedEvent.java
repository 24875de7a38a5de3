package cn.qinqing.language.resolution;

import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The department that signed for an appeal opened its case file (立案), with due dates on the working calendar.
 *
 * @param round 1 for the first handling, 2 and up after each reopening
 * @param provisionalCalendar whether a due date depends on a year whose official holiday notice is not loaded yet
 */
@Revision("1")
public record CaseFileOpenedEvent(
        UUID appealId,
        String departmentId,
        Urgency urgency,
        int round,
        Instant openedAt,
        Instant firstContactDueAt,
        Instant resolutionDueAt,
        boolean provisionalCalendar) {}
