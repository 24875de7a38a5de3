package cn.qinqing.oversight.replay;

import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.platform.domain.RuleViolation;
import cn.qinqing.platform.messaging.ProcessorPositions;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every oversight read model from the event store, on every instance of the service at once.
 *
 * <p>The control row {@code replay_control} carries a generation number. A request raises it and sets the state to
 * {@code STOPPING}. Every instance watches the row (polling twice a second) and, on seeing a new generation, shuts
 * its oversight processors down, which releases their token claims. Then each stopped instance tries the reset, one
 * at a time (the row is locked): it succeeds only when no instance holds a claim any more — a running instance's
 * claims make Axon refuse — and in the same transaction it resets every oversight processor's tokens (their reset
 * handlers empty the read models) and sets the state to {@code RESET}. Every instance that sees {@code RESET}
 * starts its processors again, which replay from the start of the stream. A crashed instance does not block the
 * replay for longer than the claim timeout.
 *
 * <p>Frozen rankings are not read models and are not touched.
 */
@Component
public class ReplayCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);

    /** The state of a replay as the control row has it. */
    public enum State {
        IDLE,
        STOPPING,
        RESET
    }

    /** The control row. */
    public record Control(
            long generation,
            State state,
            String requestedBy,
            Instant requestedAt,
            Instant resetAt,
            String resetByInstance,
            Long resetHead) {}

    /** What one instance last did about a replay. */
    public record InstanceState(String instanceId, long generation, String state, Instant updatedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService watcher;
    private volatile boolean running;
    private volatile long handledGeneration = -1;
    private volatile boolean stoppedForGeneration;

    ReplayCoordinator(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            EventProcessingConfiguration processing,
            ProcessorPositions positions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.processing = processing;
        this.positions = positions;
    }

    /**
     * Asks every instance to rebuild the read models.
     *
     * @return the generation of this replay
     * @throws RuleViolation while the processors of an earlier replay are still being stopped
     */
    public long request(String by) {
        Long generation = transactions.execute(status -> {
            Control control = control(true);
            if (control.state() == State.STOPPING) {
                throw new RuleViolation(
                        "replay-in-progress",
                        "A replay (generation " + control.generation() + ") is stopping the processors; wait until"
                                + " it has reset them.");
            }
            long next = control.generation() + 1;
            jdbc.update(
                    "UPDATE replay_control SET generation = ?, state = 'STOPPING', requested_by = ?,"
                            + " requested_at = ?, reset_at = NULL, reset_by_instance = NULL, reset_head = NULL"
                            + " WHERE id = 1",
                    next,
                    by,
                    Timestamp.from(Instant.now()));
            return next;
        });
        log.info("Replay {} of the oversight read models requested by {}", generation, by);
        return generation == null ? -1 : generation;
    }

    public Control control() {
        return control(false);
    }

    private Control control(boolean lock) {
        return jdbc.queryForObject(
                "SELECT * FROM replay_control WHERE id = 1" + (lock ? " FOR UPDATE" : ""),
                (rs, row) -> new Control(
                        rs.getLong("generation"),
                        State.valueOf(rs.getString("state")),
                        rs.getString("requested_by"),
                        instant(rs.getTimestamp("requested_at")),
                        instant(rs.getTimestamp("reset_at")),
                        rs.getString("reset_by_instance"),
                        (Long) rs.getObject("reset_head")));
    }

    public List<InstanceState> instances() {
        return jdbc.query(
                "SELECT * FROM replay_instance ORDER BY instance_id",
                (rs, row) -> new InstanceState(
                        rs.getString("instance_id"),
                        rs.getLong("generation"),
                        rs.getString("state"),
                        rs.getTimestamp("updated_at").toInstant()));
    }

    public String instanceId() {
        return instanceId;
    }

    /** One look at the control row: stop, reset or restart as it asks. */
    void tick() {
        Control control = control();
        if (control.generation() <= handledGeneration) {
            return;
        }
        if (control.state() == State.STOPPING) {
            if (!stoppedForGeneration) {
                processors().forEach(EventProcessor::shutDown);
                stoppedForGeneration = true;
                report(control.generation(), "STOPPED");
                log.info("Oversight processors stopped for replay {}", control.generation());
            }
            tryReset(control.generation());
        } else if (control.state() == State.RESET) {
            processors().forEach(processor -> {
                if (!processor.isRunning()) {
                    processor.start();
                }
            });
            handledGeneration = control.generation();
            stoppedForGeneration = false;
            report(control.generation(), "RUNNING");
            log.info("Oversight processors replaying for replay {}", control.generation());
        }
    }

    private void tryReset(long generation) {
        try {
            transactions.executeWithoutResult(status -> {
                Control locked = control(true);
                if (locked.generation() != generation || locked.state() != State.STOPPING) {
                    return; // another instance reset it, or a newer replay began
                }
                // refused with UnableToClaimTokenException while any instance still holds a claim
                processors().forEach(StreamingEventProcessor::resetTokens);
                jdbc.update(
                        "UPDATE replay_control SET state = 'RESET', reset_at = ?, reset_by_instance = ?,"
                                + " reset_head = ? WHERE id = 1",
                        Timestamp.from(Instant.now()),
                        instanceId,
                        positions.head());
                log.info("Oversight tokens reset and read models emptied for replay {}", generation);
            });
        } catch (RuntimeException e) {
            if (!claimedElsewhere(e)) {
                throw e;
            }
            log.debug("Replay {}: another instance still holds a claim; retrying", generation);
        }
    }

    private static boolean claimedElsewhere(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }

    private void report(long generation, String state) {
        jdbc.update(
                "INSERT INTO replay_instance (instance_id, generation, state, updated_at) VALUES (?, ?, ?, now())"
                        + " ON CONFLICT (instance_id) DO UPDATE SET generation = EXCLUDED.generation,"
                        + " state = EXCLUDED.state, updated_at = EXCLUDED.updated_at",
                instanceId,
                generation,
                state);
    }

    private List<StreamingEventProcessor> processors() {
        Map<String, EventProcessor> all = processing.eventProcessors();
        return ReadModels.GROUPS.stream()
                .map(all::get)
                .filter(processor -> processor instanceof StreamingEventProcessor)
                .map(processor -> (StreamingEventProcessor) processor)
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // ---- lifecycle: watch the control row while the application runs

    @Override
    public void start() {
        Control control = control();
        // a replay that was already reset needs nothing from an instance starting now: its tokens say where to go
        handledGeneration = control.state() == State.STOPPING ? control.generation() - 1 : control.generation();
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "oversight-replay-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::safeTick, 500, 500, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Replay watch failed, trying again: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon has started the processors, so that stopping them for a replay pending at start-up sticks. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
