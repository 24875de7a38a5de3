package cn.qinqing.portal.project;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The portfolio at a glance, drawn by the server as SVG: one row per project, a pale bar from its signing to its
 * planned commissioning and a solid one from its signing to the last milestone it reached — red when a milestone is
 * overdue, green once commissioned, blue otherwise — and a line for the day shown.
 */
public record PortfolioChart(int width, int height, List<Row> rows, int todayX, LocalDate from, LocalDate to) {

    static final int LABEL = 230;
    static final int WIDTH = 720;
    static final int ROW = 24;
    static final int TOP = 22;

    public record Row(
            UUID projectId, String name, int y, int plannedX, int plannedWidth, int doneWidth, String colour) {}

    public static PortfolioChart of(List<Project.View> projects, LocalDate asOf) {
        if (projects.isEmpty()) {
            return null;
        }
        LocalDate from = projects.stream()
                .map(Project.View::signedOn)
                .min(LocalDate::compareTo)
                .orElse(asOf);
        LocalDate to = asOf;
        for (Project.View p : projects) {
            if (p.commissioningPlannedOn() != null && p.commissioningPlannedOn().isAfter(to)) {
                to = p.commissioningPlannedOn();
            }
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            Project.View p = projects.get(i);
            int start = x(from, span, p.signedOn());
            LocalDate end = p.commissioningPlannedOn() == null ? asOf : p.commissioningPlannedOn();
            int done = x(from, span, p.statusReachedOn() == null ? p.signedOn() : p.statusReachedOn()) - start;
            String colour = p.overdue() ? "#c62828" : ("COMMISSIONED".equals(p.status()) ? "#2e7d32" : "#1565c0");
            String name = p.name().length() > 18 ? p.name().substring(0, 17) + "…" : p.name();
            rows.add(new Row(
                    p.projectId(),
                    name,
                    TOP + i * ROW,
                    start,
                    Math.max(3, x(from, span, end) - start),
                    Math.max(3, done),
                    colour));
        }
        return new PortfolioChart(WIDTH, TOP + projects.size() * ROW + 8, rows, x(from, span, asOf), from, to);
    }

    private static int x(LocalDate from, long span, LocalDate day) {
        return LABEL + (int) Math.round((double) ChronoUnit.DAYS.between(from, day) * (WIDTH - LABEL - 10) / span);
    }
}
