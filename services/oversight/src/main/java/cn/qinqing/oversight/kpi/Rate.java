package cn.qinqing.oversight.kpi;

/**
 * A share: how many of the counted units met the measure.
 *
 * @param rate {@code met / total} rounded half-up to 4 decimals; null when nothing was counted
 */
public record Rate(long met, long total, Double rate) {

    public static Rate of(long met, long total) {
        return new Rate(met, total, total == 0 ? null : Kpis.round((double) met / total, 4));
    }

    /** The exact share, for scores; null when nothing was counted. */
    Double exact() {
        return total == 0 ? null : (double) met / total;
    }
}
