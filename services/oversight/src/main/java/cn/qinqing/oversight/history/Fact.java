package cn.qinqing.oversight.history;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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
        return new Fact(
                eventId,
                appealId,
                globalIndex,
                type,
                at,
                recordedAt,
                department,
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

    public Fact otherDepartment(String department) {
        return new Fact(
                eventId,
                appealId,
                globalIndex,
                type,
                at,
                recordedAt,
                departmentId,
                department,
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

    public Fact leader(String leader) {
        return new Fact(
                eventId,
                appealId,
                globalIndex,
                type,
                at,
                recordedAt,
                departmentId,
                otherDepartmentId,
                leader,
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

    public Fact round(Integer value) {
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
                value,
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

    public Fact due(Instant due) {
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
                due,
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

    public Fact due2(Instant due) {
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
                due,
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

    public Fact flag(boolean value) {
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
                value,
                rating,
                kind,
                relatedId,
                actor,
                role,
                correlationId,
                causationId,
                details);
    }

    public Fact rating(int value) {
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
                value,
                kind,
                relatedId,
                actor,
                role,
                correlationId,
                causationId,
                details);
    }

    public Fact kind(String value) {
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
                value,
                relatedId,
                actor,
                role,
                correlationId,
                causationId,
                details);
    }

    public Fact related(Object value) {
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
                value == null ? null : value.toString(),
                actor,
                role,
                correlationId,
                causationId,
                details);
    }

    public Fact details(Map<String, Object> value) {
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
                value);
    }

    /** The fact as the event store recorded it: event id, position, time and the metadata of who and why. */
    public Fact recorded(
            String event, long index, Instant recorded, String by, String inRole, String correlation, String cause) {
        return new Fact(
                event,
                appealId,
                index,
                type,
                at,
                recorded,
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
                by,
                inRole,
                correlation,
                cause,
                details);
    }
}
