package cn.qinqing.portal.supervisor;

import cn.qinqing.portal.oversight.Oversight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Server-rendered SVG charts: the geometry is computed here, the template only draws it. No JavaScript, and the CSP
 * allows no inline style: colours come from CSS classes. Public: a leader's figures are drawn the same way.
 */
public final class Charts {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int LEFT = 40;
    static final int BOTTOM = 60;
    static final int TOP = 10;

    private Charts() {}

    /** One bar: its box, CSS class and value label (a percentage). */
    public record Bar(double x, double y, double width, double height, String css, String value) {}

    /** One group of bars under a label (a department). */
    public record Group(double labelX, String label, List<Bar> bars) {}

    public record BarChart(int width, int height, double baseline, List<Group> groups, List<Tick> ticks) {}

    public record Tick(double y, String label) {}

    public record Line(String css, String points, List<Point> dots) {}

    public record Point(double x, double y, String value) {}

    public record LineChart(
            int width, int height, double baseline, List<Line> lines, List<Group> labels, List<Tick> ticks) {}

    private static final List<String> CSS = List.of("bar-a", "bar-b", "bar-c");

    /** The three rates per row (response, on-time resolution, satisfaction) as grouped bars, 0–100 %. */
    public static BarChart threeRates(List<Oversight.KpiRow> rows, Function<String, String> labels) {
        double plot = HEIGHT - BOTTOM - TOP;
        double baseline = HEIGHT - BOTTOM;
        int count = Math.max(1, rows.size());
        double slot = (WIDTH - LEFT - 10) / (double) count;
        double barWidth = Math.min(24, slot / 4);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Oversight.KpiRow row = rows.get(i);
            double start = LEFT + i * slot + (slot - 3 * barWidth) / 2;
            List<Bar> bars = new ArrayList<>();
            List<Double> rates = rates(row);
            for (int b = 0; b < 3; b++) {
                Double rate = rates.get(b);
                double h = rate == null ? 0 : rate * plot;
                bars.add(new Bar(start + b * barWidth, baseline - h, barWidth - 2, h, CSS.get(b), percent(rate)));
            }
            groups.add(new Group(LEFT + i * slot + slot / 2, labels.apply(row.key()), bars));
        }
        return new BarChart(WIDTH, HEIGHT, baseline, groups, ticks(baseline, plot));
    }

    /** The three rates month by month as lines. */
    public static LineChart trend(List<Oversight.KpiRow> months) {
        double plot = HEIGHT - BOTTOM - TOP;
        double baseline = HEIGHT - BOTTOM;
        int count = months.size();
        double step = count <= 1 ? 0 : (WIDTH - LEFT - 30) / (double) (count - 1);
        List<Line> lines = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            StringBuilder points = new StringBuilder();
            List<Point> dots = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Double rate = rates(months.get(i)).get(b);
                if (rate == null) {
                    continue;
                }
                double x = LEFT + 15 + i * step;
                double y = baseline - rate * plot;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.add(new Point(x, y, percent(rate)));
            }
            lines.add(new Line(
                    CSS.get(b).replace("bar", "line"), points.toString().trim(), dots));
        }
        List<Group> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels.add(new Group(LEFT + 15 + i * step, months.get(i).label(), List.of()));
        }
        return new LineChart(WIDTH, HEIGHT, baseline, lines, labels, ticks(baseline, plot));
    }

    private static List<Double> rates(Oversight.KpiRow row) {
        List<Double> rates = new ArrayList<>();
        rates.add(row.response() == null ? null : row.response().rate());
        rates.add(row.onTimeResolution() == null ? null : row.onTimeResolution().rate());
        rates.add(row.satisfaction() == null ? null : row.satisfaction().rate());
        return rates;
    }

    private static List<Tick> ticks(double baseline, double plot) {
        List<Tick> ticks = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 25) {
            ticks.add(new Tick(baseline - plot * percent / 100.0, percent + "%"));
        }
        return ticks;
    }

    static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
