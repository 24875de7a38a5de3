package cn.qinqing.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Read your writes (ADR 0008): a write that a client sent over HTTP answers only once every processor of this service
 * that handles the events it appended has handled them, so that the client's next read of this service's views shows
 * what it wrote — the resource at its {@code Location}, in its list, on its timeline, at the version of its ETag.
 *
 * <p>It hooks in after the events are committed and waits on the request's own thread once the command's unit of
 * work is over, so without the aggregate's lock (and, when the write ran in an outer transaction, after that
 * transaction, without its connection: see {@link #awaitPending()}); reactions, which send commands from a processor's
 * thread, never wait. It waits on the
 * processors' own progress in memory ({@link StreamingEventProcessor#processingStatus()}), woken by {@link
 * ViewProgress} each time a processor finished a batch; only a segment that another instance of the service holds is
 * read from the token store, every 10 ms. The wait is bounded ({@code qinqing.service.processing.read-your-writes},
 * default 2 s): a processor that is stuck, replaying or failing makes writes slow, never fail; the views' freshness
 * header still says how far they are.
 */
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long REMOTE_CHECK_MILLIS = 10;
    private static final long LOCAL_RECHECK_MILLIS = 50;
    private static final String PENDING = ReadYourWrites.class.getName() + ".pending";

    private final EventProcessingConfiguration processing;
    private final ViewProgress progress;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String schema;
    private final Duration bound;

    public ReadYourWrites(
            EventProcessingConfiguration processing,
            ViewProgress progress,
            JdbcTemplate jdbc,
            Serializer serializer,
            String schema,
            Duration bound) {
        this.processing = processing;
        this.progress = progress;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.schema = schema;
        this.bound = bound;
    }

    /** Called on the committing thread after a unit of work appended {@code events}. */
    public void afterCommit(List<? extends EventMessage<?>> events) {
        if (events.isEmpty() || !sentByAClient()) {
            return;
        }
        List<DomainEventMessage<?>> written = new ArrayList<>();
        for (EventMessage<?> event : events) {
            written.add(asStored(event));
        }
        // never here: the unit of work still holds the aggregate's lock, and other requests queued on that lock hold
        // the pooled connections the processors need to catch up (ReadYourWritesGateway waits once it is over)
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // the unit of work joined an outer transaction (an idempotent create): its events are visible after that
            // commits, and the wait must not hold the transaction's connection either; whoever ran the transaction
            // calls awaitPending() once it is over
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    defer(() -> await(written));
                }
            });
        } else {
            defer(() -> await(written));
        }
    }

    /**
     * The event as the event store keeps it: an event published without an aggregate (the calendar's load, through the
     * {@code EventGateway}) is stored as the only event of an aggregate named by its own identifier, at sequence 0.
     */
    static DomainEventMessage<?> asStored(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /**
     * Waits for what this request's writes left to wait for; called once the command's unit of work is over ({@link
     * ReadYourWritesGateway}), once an event published without a command is committed ({@link
     * ReadYourWritesEventGateway}) and after an outer transaction ended ({@code IdempotencyKeys}).
     */
    public static void awaitPending() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Runnable> waits = (List<Runnable>) request.getAttribute(PENDING, RequestAttributes.SCOPE_REQUEST);
        if (waits != null) {
            request.removeAttribute(PENDING, RequestAttributes.SCOPE_REQUEST);
            waits.forEach(Runnable::run);
        }
    }

    /** Leaves a wait for {@link #awaitPending()}, kept with the request so that it ends with it. */
    static void defer(Runnable wait) {
        pending().add(wait);
    }

    private static List<Runnable> pending() {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        @SuppressWarnings("unchecked")
        List<Runnable> waits = (List<Runnable>) request.getAttribute(PENDING, RequestAttributes.SCOPE_REQUEST);
        if (waits == null) {
            waits = new ArrayList<>();
            request.setAttribute(PENDING, waits, RequestAttributes.SCOPE_REQUEST);
        }
        return waits;
    }

    /** A client's request, not a reaction of a processor (nor a dead letter retried on an admin's request). */
    private static boolean sentByAClient() {
        if (RequestContextHolder.getRequestAttributes() == null) {
            return false;
        }
        return !CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().root().getMessage() instanceof EventMessage<?>);
    }

    /** Waits until every local processor that handles one of the events has handled it, or the bound passed. */
    void await(List<DomainEventMessage<?>> written) {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<DomainEventMessage<?>, Long> positions;
        try {
            positions = positions(written);
        } catch (RuntimeException e) {
            log.debug("Read-your-writes skipped, positions unknown: {}", e.toString());
            return;
        }
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .filter(processor -> handlesAny(processor, written))
                .toList();
        while (true) {
            long generation = progress.generation();
            boolean remote = false;
            boolean done = true;
            for (StreamingEventProcessor processor : processors) {
                for (var entry : positions.entrySet()) {
                    Coverage coverage = coverage(processor, entry.getKey(), entry.getValue());
                    if (coverage != Coverage.DONE) {
                        done = false;
                        remote |= coverage == Coverage.REMOTE_PENDING;
                    }
                }
            }
            if (done) {
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                log.warn("A write answers before this service's views show it: they did not catch up within {}", bound);
                return;
            }
            long waitMillis =
                    Math.max(1, Math.min(remaining / 1_000_000, remote ? REMOTE_CHECK_MILLIS : LOCAL_RECHECK_MILLIS));
            try {
                progress.awaitChange(generation, waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The global index of each written event, in one query per aggregate. */
    private Map<DomainEventMessage<?>, Long> positions(List<DomainEventMessage<?>> written) {
        Map<DomainEventMessage<?>, Long> positions = new LinkedHashMap<>();
        Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        written.forEach(event -> byAggregate
                .computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>())
                .add(event));
        byAggregate.forEach((aggregate, events) -> {
            long first = events.stream()
                    .mapToLong(DomainEventMessage::getSequenceNumber)
                    .min()
                    .orElse(0);
            long last = events.stream()
                    .mapToLong(DomainEventMessage::getSequenceNumber)
                    .max()
                    .orElse(0);
            Map<Long, Long> indexes = new java.util.HashMap<>();
            jdbc.query(
                    "SELECT sequence_number, global_index FROM event_store.domain_event_entry"
                            + " WHERE aggregate_identifier = ? AND sequence_number BETWEEN ? AND ?",
                    row -> {
                        indexes.put(row.getLong(1), row.getLong(2));
                    },
                    aggregate,
                    first,
                    last);
            events.forEach(event -> {
                Long index = indexes.get(event.getSequenceNumber());
                if (index != null) {
                    // as the processors will see it: handlers that take the event's token only match a tracked one
                    positions.put(
                            new GenericTrackedDomainEventMessage<>(
                                    GapAwareTrackingToken.newInstance(index, Collections.emptySet()), event),
                            index);
                }
            });
        });
        return positions;
    }

    private static boolean handlesAny(StreamingEventProcessor processor, List<DomainEventMessage<?>> written) {
        if (!(processor instanceof AbstractEventProcessor withInvoker)) {
            return false;
        }
        EventHandlerInvoker invoker = withInvoker.eventHandlerInvoker();
        return written.stream().anyMatch(event -> invoker.canHandleType(event.getPayloadType()));
    }

    enum Coverage {
        DONE,
        LOCAL_PENDING,
        REMOTE_PENDING
    }

    /** Whether the segment of {@code processor} that handles {@code event} has handled it. */
    private Coverage coverage(StreamingEventProcessor processor, EventMessage<?> event, long index) {
        EventHandlerInvoker invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        double share = 0;
        for (EventTrackerStatus status : local.values()) {
            Segment segment = status.getSegment();
            share += 1.0 / (segment.getMask() + 1);
            if (invoker.canHandle(event, segment)) {
                if (status.isReplaying() || status.isErrorState()) {
                    return Coverage.DONE; // a replay or a failing segment is no reason to hold a client
                }
                return covers(status.getTrackingToken(), index) ? Coverage.DONE : Coverage.LOCAL_PENDING;
            }
        }
        if (share >= 1.0) {
            return Coverage.DONE; // this instance holds every segment, and none handles the event
        }
        return remoteCoverage(processor, invoker, event, index);
    }

    /** Another instance holds the segment that handles the event: read its token from the token store. */
    private Coverage remoteCoverage(
            StreamingEventProcessor processor, EventHandlerInvoker invoker, EventMessage<?> event, long index) {
        List<Integer> segments = jdbc.queryForList(
                "SELECT segment FROM " + schema + ".token_entry WHERE processor_name = ?",
                Integer.class,
                processor.getName());
        int[] ids = segments.stream().mapToInt(Integer::intValue).toArray();
        for (int id : ids) {
            Segment segment = Segment.computeSegment(id, ids);
            if (!invoker.canHandle(event, segment)) {
                continue;
            }
            Optional<TrackingToken> token = storedToken(processor.getName(), id);
            return token.isEmpty() || covers(token.get(), index) ? Coverage.DONE : Coverage.REMOTE_PENDING;
        }
        return Coverage.DONE;
    }

    private Optional<TrackingToken> storedToken(String processor, int segment) {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, token_type FROM " + schema + ".token_entry WHERE processor_name = ? AND segment = ?",
                (row, n) -> {
                    byte[] bytes = row.getBytes(1);
                    String type = row.getString(2);
                    if (bytes == null || type == null) {
                        return null;
                    }
                    SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(bytes, byte[].class, type, null);
                    return serializer.<byte[], TrackingToken>deserialize(serialized);
                },
                processor,
                segment);
        return tokens.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Whether a processor at {@code token} has handled the event at global {@code index}. */
    static boolean covers(TrackingToken token, long index) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        OptionalLong position = lower == null ? OptionalLong.empty() : lower.position();
        return position.isPresent() && position.getAsLong() >= index;
    }
}
