package cn.qinqing.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator: files appeals over HTTP ({@code POST /api/appeals} with a bearer token, a fresh
 * {@code Idempotency-Key} and a valid body) against 127.0.0.1 only, bounded in time and in requests in flight. The
 * filings take the enterprises' tokens in turn (round-robin by filing number).
 */
final class Filings {

    /** What one phase did. */
    record Result(long ok, long failed, double seconds, Histogram latency, String firstFailure) {
        double perSecond() {
            return ok / seconds;
        }

        double ms(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final int MAX_IN_FLIGHT = 512;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI appeals;
    private volatile List<String> tokens;
    /** Every appeal the service acknowledged with 201, by id. */
    final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();

    final AtomicLong acknowledgements = new AtomicLong();

    Filings(URI appeals, List<String> tokens) {
        this.appeals = appeals;
        tokens(tokens);
    }

    /** Fresh tokens (they last 30 minutes), one per enterprise. */
    void tokens(List<String> tokens) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("no token to file with");
        this.tokens = List.copyOf(tokens);
    }

    /** The token of filing {@code n}: each enterprise's in turn. */
    static String tokenFor(long n, List<String> tokens) {
        return tokens.get((int) Math.floorMod(n, (long) tokens.size()));
    }

    private HttpRequest request(long n) {
        String body = "{\"title\":\"基准测试诉求 benchmark appeal " + n + "\","
                + "\"description\":\"变电站扩容申请，企业二期产线投产需要增加用电容量。Load test filing number " + n
                + " of the Qinqing benchmark; the production line needs more power capacity.\","
                + "\"category\":\"POWER\",\"urgency\":\"NORMAL\",\"attachments\":[]}";
        return HttpRequest.newBuilder(appeals)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokenFor(n, tokens))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private boolean accept(HttpResponse<String> response, StringBuilder failure) {
        if (response.statusCode() == 201) {
            String location = response.headers().firstValue("Location").orElseThrow();
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            acknowledged.add(id);
            acknowledgements.incrementAndGet();
            return true;
        }
        synchronized (failure) {
            if (failure.isEmpty()) {
                failure.append(response.statusCode()).append(' ').append(response.body());
            }
        }
        return false;
    }

    /** Closed model: {@code clients} threads, each sending its next filing when the previous one is answered. */
    Result closed(int clients, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        StringBuilder failure = new StringBuilder();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            start("closed-" + i, () -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(
                                    request(sequence.incrementAndGet()), HttpResponse.BodyHandlers.ofString());
                            recorder.recordValue((System.nanoTime() - sent) / 1000);
                            (accept(response, failure) ? ok : failed).incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            synchronized (failure) {
                                if (failure.isEmpty()) failure.append(e);
                            }
                            if (e instanceof InterruptedException) return;
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get(), failed.get(), seconds, recorder.getIntervalHistogram(), failure.toString());
    }

    /**
     * Open model: filings sent at a fixed rate whatever the answers do; each latency counts from the moment the filing
     * was due, so a stalled server shows up in the percentiles instead of slowing the sender (coordinated omission).
     * At most 512 filings are in flight; beyond that the sender waits, and the waiting counts as latency too.
     */
    Result open(double rate, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        StringBuilder failure = new StringBuilder();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long total = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
        double period = 1e9 / rate;
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + Math.round(n * period);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            http.sendAsync(request(n), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                recorder.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                if (error == null && accept(response, failure)) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    if (error != null) {
                        synchronized (failure) {
                            if (failure.isEmpty()) failure.append(error);
                        }
                    }
                }
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Filings still unanswered 60 s after the open model ended");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get(), failed.get(), seconds, recorder.getIntervalHistogram(), failure.toString());
    }

    /** What one filing at a time shows: whether the Location was readable at once, and how long routing took. */
    record Single(int filed, int notFound, int stale, List<UUID> ids) {}

    /**
     * Files {@code n} appeals one at a time on an otherwise idle platform. After each 201 the Location is read at
     * once, with no pause (read your writes: never a 404, never an ETag older than the write's); then the next filing
     * waits until {@code routed} says assignment reacted to this one, so that every hop is measured alone.
     */
    Single oneAtATime(int n, java.util.function.Predicate<UUID> routed) throws Exception {
        int notFound = 0;
        int stale = 0;
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            long number = 1_000_000 + i;
            HttpResponse<String> filed = http.send(request(number), HttpResponse.BodyHandlers.ofString());
            if (filed.statusCode() != 201) {
                throw new IllegalStateException("single filing failed: " + filed.statusCode() + " " + filed.body());
            }
            String location = filed.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> read = http.send(
                    HttpRequest.newBuilder(appeals.resolve(location))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + tokenFor(number, tokens))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (read.statusCode() == 404) {
                notFound++;
            } else if (version(read) < version(filed)) {
                stale++;
            }
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            acknowledged.add(id);
            acknowledgements.incrementAndGet();
            ids.add(id);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!routed.test(id) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(20);
        }
        return new Single(n, notFound, stale, ids);
    }

    private static long version(HttpResponse<String> response) {
        return response.headers()
                .firstValue("ETag")
                .map(tag -> Long.parseLong(tag.replaceAll("[^0-9]", "")))
                .orElse(-1L);
    }

    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    /** The ids acknowledged since {@code before} was taken: a copy of the set. */
    List<UUID> snapshot() {
        return List.copyOf(acknowledged);
    }
}
