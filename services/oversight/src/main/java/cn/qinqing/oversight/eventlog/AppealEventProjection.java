package cn.qinqing.oversight.eventlog;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.oversight.ProcessingGroups;
import cn.qinqing.oversight.history.AppealEventTypes;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.platform.messaging.WritesAtCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every published event about an appeal, from every service, is kept as it was published: one row of
 * {@code appeal_event} with the event's own JSON, type and revision, appended, never changed, keyed by event id (so
 * redelivery and replay leave the same rows). Nothing is computed here: timelines and KPIs fold the events when asked
 * ({@link AppealHistory}), which is what makes {@code ?asOf=} and "recomputed from every event known now" possible.
 * Which events are about an appeal, and the few columns queries select by, is {@link AppealEventTypes}.
 *
 * <p>The handler only collects rows ({@link WritesAtCommit}): a replay costs one statement per batch of events, not a
 * round trip (let alone a savepoint) per event.
 */
@Component
@WritesAtCommit
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class AppealEventProjection {

    private static final String BATCH = AppealEventProjection.class.getName() + ".batch";

    private final AppealEventWriter writer;
    private final PublishedEvents published;
    private final JdbcTemplate jdbc;

    AppealEventProjection(AppealEventWriter writer, PublishedEvents published, JdbcTemplate jdbc) {
        this.writer = writer;
        this.published = published;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        AppealEventTypes.of(event.getClass()).ifPresent(type -> {
            EventBatch batch = batch();
            var metadata = message.getMetaData();
            batch.events.add(new AppealEventWriter.Row(
                    message.getIdentifier(),
                    type.appealOf(event),
                    token == null ? 0 : token.position().orElse(0),
                    message.getTimestamp(),
                    type.atOf(event),
                    type.dueOf(event),
                    type.finishes(),
                    published.encode(message),
                    string(metadata.get(MetadataKeys.ACTOR)),
                    string(metadata.get(MetadataKeys.ROLE)),
                    string(metadata.get(MetadataKeys.CORRELATION)),
                    string(metadata.get(MetadataKeys.CAUSATION))));
            dimension(event, batch);
        });
    }

    /** What the filing, the routing and a meeting's action item tell about what the appeal is about. */
    private static void dimension(Object event, EventBatch batch) {
        if (event instanceof AppealFiledEvent filed) {
            batch.dimensions.add(new Dimension(
                    Dimension.Source.FILING,
                    filed.appealId(),
                    filed.enterpriseId(),
                    filed.title(),
                    name(filed.category()),
                    name(filed.urgency()),
                    name(filed.source()),
                    null,
                    null,
                    filed.filedAt()));
        } else if (event instanceof AssignmentOpenedEvent opened) {
            batch.dimensions.add(new Dimension(
                    Dimension.Source.ROUTING,
                    opened.appealId(),
                    opened.enterpriseId(),
                    null,
                    name(opened.category()),
                    name(opened.urgency()),
                    null,
                    opened.district(),
                    name(opened.chainPosition()),
                    null));
        } else if (event instanceof ActionItemRaisedEvent raised) {
            batch.dimensions.add(new Dimension(
                    Dimension.Source.ACTION_ITEM,
                    raised.appealId(),
                    raised.enterpriseId(),
                    raised.title(),
                    name(raised.category()),
                    name(raised.urgency()),
                    "BREAKFAST_MEETING",
                    null,
                    null,
                    null));
        }
    }

    @ResetHandler
    void reset() {
        // and the KPI folds made of them (kpi_fold): a replay starts every view from the events again
        jdbc.execute("TRUNCATE appeal_event, appeal_dimension, kpi_fold");
    }

    /** The batch of the unit of work being processed; written once, just before it commits with the token. */
    private EventBatch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("appeal events are recorded inside a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            EventBatch batch = new EventBatch();
            root.onPrepareCommit(unitOfWork -> writer.write(batch));
            return batch;
        });
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
