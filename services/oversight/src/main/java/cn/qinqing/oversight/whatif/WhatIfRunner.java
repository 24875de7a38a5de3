package cn.qinqing.oversight.whatif;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.history.AppealEvent;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.kpi.KpiQueries;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the queued what-if runs, one at a time per instance on a thread of its own (a bounded executor: a run never
 * takes a request thread, and an instance never runs two), claiming each with a row lock so that several instances
 * share the queue. A run reads the period's appeal events one appeal at a time from a cursor, folds each twice — as
 * it was, and rescheduled under the proposal — and keeps only the counted units; the event store and the read models
 * are only read. The scratch state (units, changed verdicts) is the run's memory and is gone when it ends.
 */
@Component
@ConditionalOnProperty(name = "qinqing.oversight.what-if.enabled", havingValue = "true", matchIfMissing = true)
class WhatIfRunner {

    private static final Logger log = LoggerFactory.getLogger(WhatIfRunner.class);

    /** Progress is reported (and the run beats) at least this often, in appeals. */
    static final int REPORT_EVERY = 200;

    private final WhatIfJobs jobs;
    private final AppealEventLog events;
    private final Directory directory;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "what-if");
                thread.setDaemon(true);
                return thread;
            });

    WhatIfRunner(WhatIfJobs jobs, AppealEventLog events, Directory directory) {
        this.jobs = jobs;
        this.events = events;
        this.directory = directory;
    }

    /** Looks for a run to do (also called right after one is queued, so it starts without waiting for the poll). */
    @Scheduled(fixedDelayString = "${qinqing.oversight.what-if.poll:PT1S}")
    void poll() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            busy.set(false);
        }
    }

    private void drain() {
        try {
            jobs.purge();
            for (var claimed = jobs.claim(instance); claimed.isPresent(); claimed = jobs.claim(instance)) {
                run(claimed.get());
            }
        } catch (RuntimeException e) {
            log.warn("what-if runner: {}", e.toString());
        } finally {
            busy.set(false);
        }
    }

    private void run(UUID id) {
        WhatIfJobs.Job job = jobs.find(id).orElseThrow();
        try {
            WhatIfResult result = replay(job);
            jobs.finish(id, instance, result, result.appeals());
            log.info("what-if {} done: {} appeals", id, result.appeals());
        } catch (TakenOver e) {
            log.info("what-if {} was taken over by another instance", id);
        } catch (RuntimeException e) {
            log.warn("what-if {} failed", id, e);
            jobs.fail(id, instance, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private WhatIfResult replay(WhatIfJobs.Job job) {
        Instant from = KpiQueries.start(job.from());
        Instant end = KpiQueries.start(job.to().plusMonths(1));
        // the period's end, or the request's instant for a period not yet over: a run taken over gives the same answer
        Instant asOf = end.isBefore(job.requestedAt()) ? end : job.requestedAt();
        Directory.View directoryThen = directory.at(asOf);
        WorkingCalendar real = directoryThen.calendar();
        DirectorySnapshot snapshot = directoryThen.snapshot();
        Rescheduling rescheduling = new Rescheduling(job.proposal(), real);
        WorkingCalendar proposed = rescheduling.proposedCalendar();
        long total = jobs.appealsToReplay(from, end, asOf);
        Progress progress = new Progress(job.jobId(), total);
        progress.report();
        WhatIfComparison comparison = new WhatIfComparison(job.from(), job.to(), asOf, snapshot);
        events.touching(from, end, asOf, known -> {
            UUID appeal = known.get(0).appealId();
            List<AppealEvent> rescheduled = rescheduling.apply(known);
            comparison.counted(
                    AppealHistory.of(appeal, known, asOf, real),
                    real,
                    AppealHistory.of(appeal, rescheduled, asOf, proposed),
                    proposed);
            progress.step();
        });
        events.unfinished(asOf, known -> {
            UUID appeal = known.get(0).appealId();
            comparison.unfinished(
                    AppealHistory.of(appeal, known, asOf, real),
                    AppealHistory.of(appeal, rescheduling.apply(known), asOf, proposed));
            progress.step();
        });
        return comparison.result(events.dimensions(comparison.appeals()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Counts replayed appeals and reports every {@link #REPORT_EVERY} of them or every second. */
    private final class Progress {
        private final UUID job;
        private final long total;
        private long done;
        private long reportedAt = System.nanoTime();

        Progress(UUID job, long total) {
            this.job = job;
            this.total = total;
        }

        void step() {
            done++;
            if (done % REPORT_EVERY == 0 || System.nanoTime() - reportedAt > 1_000_000_000L) {
                report();
            }
        }

        void report() {
            reportedAt = System.nanoTime();
            if (!jobs.progress(job, instance, Math.min(done, total), total)) {
                throw new TakenOver();
            }
        }
    }

    /** The run is no longer this instance's: another took it over after this one stopped beating. */
    private static final class TakenOver extends RuntimeException {
        TakenOver() {
            super(null, null, false, false);
        }
    }
}
