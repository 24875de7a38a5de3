package cn.qinqing.portal.supervisor;

import cn.qinqing.portal.oversight.Oversight;
import cn.qinqing.portal.oversight.WhatIf;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The what-if chart: per department, the on-time resolution rate as it was (first bar) and as it would have been
 * (second bar), drawn like the dashboard's charts ({@link Charts}: geometry here, CSS classes for colours, no script).
 * The departments whose rate moves most come first, at most {@link #MOST}.
 */
final class WhatIfChart {

    static final int MOST = 12;

    private WhatIfChart() {}

    static Charts.BarChart onTime(List<WhatIf.Comparison> departments) {
        List<WhatIf.Comparison> shown = departments.stream()
                .filter(row -> rate(row.asWas()) != null || rate(row.wouldBe()) != null)
                .sorted(Comparator.comparingDouble((WhatIf.Comparison row) -> -Math.abs(change(row)))
                        .thenComparing(WhatIf.Comparison::label, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(MOST)
                .toList();
        double plot = Charts.HEIGHT - Charts.BOTTOM - Charts.TOP;
        double baseline = Charts.HEIGHT - Charts.BOTTOM;
        double slot = (Charts.WIDTH - Charts.LEFT - 10) / (double) Math.max(1, shown.size());
        double barWidth = Math.min(28, slot / 3);
        List<Charts.Group> groups = new ArrayList<>();
        List<Charts.Tick> ticks = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 25) {
            ticks.add(new Charts.Tick(baseline - plot * percent / 100.0, percent + "%"));
        }
        for (int i = 0; i < shown.size(); i++) {
            WhatIf.Comparison row = shown.get(i);
            double start = Charts.LEFT + i * slot + (slot - 2 * barWidth) / 2;
            List<Charts.Bar> bars = new ArrayList<>();
            Double[] rates = {rate(row.asWas()), rate(row.wouldBe())};
            String[] css = {"bar-a", "bar-b"};
            for (int b = 0; b < 2; b++) {
                double h = rates[b] == null ? 0 : rates[b] * plot;
                bars.add(new Charts.Bar(
                        start + b * barWidth, baseline - h, barWidth - 2, h, css[b], Charts.percent(rates[b])));
            }
            groups.add(new Charts.Group(Charts.LEFT + i * slot + slot / 2, row.label(), bars));
        }
        return new Charts.BarChart(Charts.WIDTH, Charts.HEIGHT, baseline, groups, ticks);
    }

    private static double change(WhatIf.Comparison row) {
        Double was = rate(row.asWas());
        Double would = rate(row.wouldBe());
        return was == null || would == null ? 0 : would - was;
    }

    private static Double rate(Oversight.KpiRow row) {
        return row == null || row.onTimeResolution() == null
                ? null
                : row.onTimeResolution().rate();
    }
}
