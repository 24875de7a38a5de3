package cn.qinqing.oversight.history;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One event about an appeal, as the oversight service keeps it: the common fields typed (so that SQL and the history
 * fold can read them), the rest in {@code details} for the timeline.
 *
 * @param globalIndex the event's position in the global stream: the order facts are folded in
 * @param at when it happened, from the event's own time field
 * @param recordedAt when the event store recorded it; {@code asOf} compares against this
 * @param departmentId the department the event names (dispatched to, signed for by, answered by, ...)
 * @param otherDepartmentId the department it came from (transfers, re-dispatches)
 * @param leaderId the leader it names (took charge, escalated to, granted, signed off, issued a notice)
 * @param dueAt the due time it sets (sign-for, resolution in force, dispatch, notice, rating window, action item)
 * @param due2At the first-contact due time (case files)
 * @param flag the event's yes/no: withinLimit, onTime, contactWithEnterprise, manualDispatch, provisionalCalendar
 * @param kind the event's code: deadline kind, routing mode, queue reason, outcome, close-out feedback, cause
 * @param relatedId the id of what it refers to: notice, extension request, progress note, action item
 */
public record Fact(
        String eventId,
        UUID appealId,
        long globalIndex,
        FactType type,
        Instant at,
        Instant recordedAt,
        String departmentId,
        String otherDepartmentId,
        String leaderId,
        Integer round,
        Instant dueAt,
        Instant due2At,
        Boolean flag,
        Integer rating,
        String kind,
        String relatedId,
        String actor,
        String role,
        String correlationId,
        String causationId,
        Map<String, Object> details) {

    public Fact {
        details = details == null ? Map.of() : details;
    }

    public boolean flagged() {
        return Boolean.TRUE.equals(flag);
    }

    /** A fact with the given typed fields; identity and metadata are filled in by {@link #recorded}. */
    public static Fact of(FactType type, UUID appealId, Instant at) {
        return new Fact(
                null, appealId, 0, type, at, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, Map.of());
    }

    public Fact department(String department) {
        return with(fact -> fact.departmentId = department);
    }

    public Fact otherDepartment(String department) {
        return with(fact -> fact.otherDepartmentId = department);
    }

    public Fact leader(String leader) {
        return with(fact -> fact.leaderId = leader);
    }

    public Fact round(Integer value) {
        return with(fact -> fact.round = value);
    }

    public Fact due(Instant due) {
        return with(fact -> fact.dueAt = due);
    }

    public Fact due2(Instant due) {
        return with(fact -> fact.due2At = due);
    }

    public Fact flag(boolean value) {
        return with(fact -> fact.flag = value);
    }

    public Fact rating(int value) {
        return with(fact -> fact.rating = value);
    }

    public Fact kind(String value) {
        return with(fact -> fact.kind = value);
    }

    public Fact related(Object value) {
        return with(fact -> fact.relatedId = value == null ? null : value.toString());
    }

    public Fact details(Map<String, Object> value) {
        return with(fact -> fact.details = value);
    }

    /** The fact as the event store recorded it: event id, position, time and the metadata of who and why. */
    public Fact recorded(
            String event, long index, Instant recorded, String by, String inRole, String correlation, String cause) {
        return with(fact -> {
            fact.eventId = event;
            fact.globalIndex = index;
            fact.recordedAt = recorded;
            fact.actor = by;
            fact.role = inRole;
            fact.correlationId = correlation;
            fact.causationId = cause;
        });
    }

    /** A copy with some fields changed: one place that lists every field, instead of one per wither. */
    private Fact with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        private String eventId;
        private final UUID appealId;
        private long globalIndex;
        private final FactType type;
        private final Instant at;
        private Instant recordedAt;
        private String departmentId;
        private String otherDepartmentId;
        private String leaderId;
        private Integer round;
        private Instant dueAt;
        private Instant due2At;
        private Boolean flag;
        private Integer rating;
        private String kind;
        private String relatedId;
        private String actor;
        private String role;
        private String correlationId;
        private String causationId;
        private Map<String, Object> details;

        private Copy(Fact fact) {
            eventId = fact.eventId;
            appealId = fact.appealId;
            globalIndex = fact.globalIndex;
            type = fact.type;
            at = fact.at;
            recordedAt = fact.recordedAt;
            departmentId = fact.departmentId;
            otherDepartmentId = fact.otherDepartmentId;
            leaderId = fact.leaderId;
            round = fact.round;
            dueAt = fact.dueAt;
            due2At = fact.due2At;
            flag = fact.flag;
            rating = fact.rating;
            kind = fact.kind;
            relatedId = fact.relatedId;
            actor = fact.actor;
            role = fact.role;
            correlationId = fact.correlationId;
            causationId = fact.causationId;
            details = fact.details;
        }

        private Fact build() {
            return new Fact(
                    eventId,
                    appealId,
                    globalIndex,
                    type,
                    at,
                    recordedAt,
                    departmentId,
                    otherDepartmentId,
                    leaderId,
                    round,
                    dueAt,
                    due2At,
                    flag,
                    rating,
                    kind,
                    relatedId,
                    actor,
                    role,
                    correlationId,
                    causationId,
                    details);
        }
    }
}
