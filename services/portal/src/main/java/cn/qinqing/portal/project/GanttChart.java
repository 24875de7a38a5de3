package cn.qinqing.portal.project;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's milestones as a Gantt-style chart, drawn by the server as SVG (no script): one row per milestone, a pale
 * bar for the plan (from the milestone before to its planned day) and a solid one for what happened (from the
 * milestone before to the day it was reached, or to today while it is under way) — green on schedule, red late or
 * overdue — and a line for the day the chart is drawn as of.
 */
public record GanttChart(
        int width, int height, List<Row> rows, int todayX, LocalDate from, LocalDate to, LocalDate asOf) {

    static final int LABEL = 150;
    static final int WIDTH = 720;
    static final int ROW = 30;
    static final int TOP = 24;

    /**
     * @param state {@code on-schedule}, {@code late}, {@code overdue}, {@code under-way} or {@code planned}
     */
    public record Row(
            String milestone,
            int y,
            int plannedX,
            int plannedWidth,
            int actualX,
            int actualWidth,
            String state,
            LocalDate plannedOn,
            LocalDate reachedOn) {}

    public static GanttChart of(List<Project.Milestone> milestones, LocalDate signedOn, LocalDate asOf) {
        LocalDate from = signedOn;
        LocalDate to = asOf;
        for (Project.Milestone m : milestones) {
            to = later(to, m.plannedOn());
            if (m.reachedOn() != null) {
                to = later(to, m.reachedOn());
            }
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        Scale scale = new Scale(from, span);
        List<Row> rows = new ArrayList<>();
        LocalDate previousPlanned = signedOn;
        LocalDate previousReached = signedOn;
        for (int i = 0; i < milestones.size(); i++) {
            Project.Milestone m = milestones.get(i);
            int y = TOP + i * ROW;
            int plannedX = scale.x(previousPlanned);
            int plannedWidth = Math.max(3, scale.x(m.plannedOn()) - plannedX);
            int actualX = 0;
            int actualWidth = 0;
            String state;
            if (m.reachedOn() != null) {
                LocalDate start = previousReached == null ? signedOn : previousReached;
                actualX = scale.x(start);
                actualWidth = Math.max(3, scale.x(m.reachedOn()) - actualX);
                state = Boolean.TRUE.equals(m.onSchedule()) ? "on-schedule" : "late";
            } else if (previousReached != null) {
                actualX = scale.x(previousReached);
                actualWidth = Math.max(3, scale.x(asOf) - actualX);
                state = m.overdue() ? "overdue" : "under-way";
            } else {
                state = m.overdue() ? "overdue" : "planned";
            }
            rows.add(new Row(
                    m.milestone(),
                    y,
                    plannedX,
                    plannedWidth,
                    actualX,
                    actualWidth,
                    state,
                    m.plannedOn(),
                    m.reachedOn()));
            previousPlanned = m.plannedOn();
            previousReached = m.reachedOn();
        }
        return new GanttChart(WIDTH, TOP + milestones.size() * ROW + 10, rows, scale.x(asOf), from, to, asOf);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private record Scale(LocalDate from, long span) {
        int x(LocalDate day) {
            long days = ChronoUnit.DAYS.between(from, day);
            return LABEL + (int) Math.round((double) days * (WIDTH - LABEL - 10) / span);
        }
    }
}
