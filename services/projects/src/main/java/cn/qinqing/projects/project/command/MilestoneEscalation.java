package cn.qinqing.projects.project.command;

import cn.qinqing.language.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an overdue milestone goes over its leader's head (升级督办): at the end of the {@code workingDays}-th working day
 * after its planned day (Asia/Shanghai, the platform's bundled working calendar: holidays and make-up working days
 * count as the State Council's notice says), {@code qinqing.projects.escalation.working-days}, 5 by default.
 */
@Component
public class MilestoneEscalation {

    private final int workingDays;
    private final WorkingCalendar calendar;

    @Autowired
    MilestoneEscalation(@Value("${qinqing.projects.escalation.working-days:5}") int workingDays) {
        this(workingDays, WorkingCalendar.bundled());
    }

    public MilestoneEscalation(int workingDays, WorkingCalendar calendar) {
        if (workingDays < 1) {
            throw new IllegalArgumentException(
                    "qinqing.projects.escalation.working-days is at least 1, not " + workingDays);
        }
        this.workingDays = workingDays;
        this.calendar = calendar;
    }

    public int workingDays() {
        return workingDays;
    }

    /** The instant a milestone planned for that day and not reached is escalated past its leader. */
    public Instant dueFor(LocalDate plannedOn) {
        return KeyProject.endOf(calendar.addWorkingDays(plannedOn, workingDays));
    }
}
