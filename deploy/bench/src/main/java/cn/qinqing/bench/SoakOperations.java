package cn.qinqing.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies and errors of each operation of the soak (filing, sign-for, a KPI read, …), read minute by minute: each
 * {@link #minute()} answers what happened since the previous one and starts afresh.
 */
final class SoakOperations {

    private final Map<String, Recorder> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();

    /** One answer of {@code operation} after {@code micros}. */
    void record(String operation, long micros) {
        latencies.computeIfAbsent(operation, o -> new Recorder(3)).recordValue(Math.max(0, micros));
    }

    /** A failed operation: an unexpected status, no answer, or a wait that timed out. */
    void error(String operation, String what) {
        errors.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        firstErrors.putIfAbsent(operation, what.length() > 300 ? what.substring(0, 300) + "…" : what);
    }

    /** What each operation did since the last call, by name. */
    Map<String, Minute> minute() {
        Map<String, Minute> minute = new TreeMap<>();
        for (String operation : latencies.keySet()) {
            Histogram histogram = latencies.get(operation).getIntervalHistogram();
            AtomicLong failed = errors.get(operation);
            minute.put(operation, new Minute(histogram, failed == null ? 0 : failed.getAndSet(0)));
        }
        errors.forEach((operation, failed) -> {
            if (!minute.containsKey(operation))
                minute.put(operation, new Minute(new Histogram(3), failed.getAndSet(0)));
        });
        return minute;
    }

    Map<String, String> firstErrors() {
        return new TreeMap<>(firstErrors);
    }

    /** One operation in one minute. */
    record Minute(Histogram latency, long errors) {

        double ms(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("count", latency.getTotalCount());
            json.put("errors", errors);
            json.put("p50_ms", Report.round(ms(50), 1));
            json.put("p99_ms", Report.round(ms(99), 1));
            return json;
        }
    }
}
