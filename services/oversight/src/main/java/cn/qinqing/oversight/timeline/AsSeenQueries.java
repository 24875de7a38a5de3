package cn.qinqing.oversight.timeline;

import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.reading.HolderView;
import cn.qinqing.oversight.reading.Scope;
import cn.qinqing.oversight.timeline.TimelineViews.Timeline;
import cn.qinqing.oversight.timeline.TimelineViews.TimelineStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * An appeal as one actor saw it at an instant (issue 22): the timeline folded from the events recorded by then
 * ({@link TimelineQueries}), cut by the visibility rules of the actor's role — the enterprise sees the steps its
 * appeal page shows (no internal notes, which department but never which official), an official only an appeal their
 * department held at that instant, a leader only an appeal their chain of command touched by then.
 */
@Service
class AsSeenQueries {

    /** The steps the appeals service shows an enterprise on its appeal page (its timeline projection). */
    static final Set<String> ENTERPRISE_STEPS = Set.of(
            "FILED",
            "SUPPLEMENTED",
            "DOCUMENTS_ATTACHED",
            "WITHDRAWN",
            "QUEUED",
            "DISPATCHED",
            "SIGNED_FOR",
            "TRANSFERRED",
            "RETURNED",
            "PROGRESS_NOTED",
            "CASE_FILE_DOCUMENTS_ATTACHED",
            "ANSWERED",
            "RATED",
            "RATING_EXPIRED",
            "REOPENED",
            "APPEAL_CLOSED");

    private static final Set<String> ONLY_IF_VISIBLE = Set.of("PROGRESS_NOTED", "CASE_FILE_DOCUMENTS_ATTACHED");

    /** Details that name city staff or internal routing: never on the enterprise's page. */
    private static final Set<String> STAFF_DETAILS = Set.of("officialId", "byActor", "ruleId", "visibleToEnterprise");

    enum Viewer {
        ENTERPRISE,
        OFFICIAL,
        LEADER
    }

    /**
     * The view, or empty when there is no such appeal (nothing recorded of it by then).
     *
     * @param department the official's department (OFFICIAL)
     * @param leader the leader's id (LEADER)
     */
    Optional<AsSeen> asSeen(UUID appealId, Instant asOf, Viewer viewer, String department, String leader) {
        return queries.timeline(appealId, asOf, Scope.everything()).map(timeline -> switch (viewer) {
            case ENTERPRISE -> enterprise(timeline);
            case OFFICIAL -> official(timeline, department);
            case LEADER -> leader(timeline, leader, department);
        });
    }

    private final TimelineQueries queries;
    private final Directory directory;

    AsSeenQueries(TimelineQueries queries, Directory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    private AsSeen enterprise(Timeline timeline) {
        List<TimelineStep> steps = timeline.steps().stream()
                .filter(step -> ENTERPRISE_STEPS.contains(step.type()))
                // a note or an official's file is the enterprise's to see only when the official said so
                .filter(step -> !ONLY_IF_VISIBLE.contains(step.type())
                        || Boolean.TRUE.equals(step.details().get("visibleToEnterprise")))
                .map(AsSeenQueries::withoutStaff)
                .toList();
        return seen(timeline, new Seen(Viewer.ENTERPRISE, timeline.appeal().enterpriseId(), null), true, null, steps);
    }

    private AsSeen official(Timeline timeline, String department) {
        HolderView holder = timeline.state().holder();
        boolean holds = holder != null
                && holder.kind().equals("DEPARTMENT")
                && holder.id().equals(department);
        return seen(
                timeline,
                new Seen(Viewer.OFFICIAL, null, department),
                holds,
                holds ? null : "department " + department + " did not hold the appeal at that instant",
                holds ? timeline.steps() : List.of());
    }

    private AsSeen leader(Timeline timeline, String leader, String department) {
        Scope chain = new Scope(directory.snapshot(timeline.asOf()).chainOf(leader, department));
        boolean covered =
                queries.timeline(timeline.appealId(), timeline.asOf(), chain).isPresent();
        return seen(
                timeline,
                new Seen(Viewer.LEADER, leader, department),
                covered,
                covered ? null : "nothing of leader " + leader + "'s chain of command had touched the appeal by then",
                covered ? timeline.steps() : List.of());
    }

    private static AsSeen seen(Timeline timeline, Seen by, boolean visible, String reason, List<TimelineStep> steps) {
        return new AsSeen(
                timeline.appealId(),
                timeline.asOf(),
                by,
                visible,
                reason,
                visible ? timeline.state().status() : null,
                visible ? timeline.state().holder() : null,
                steps,
                timeline.freshness());
    }

    /** The step without the name of the official, dispatcher or leader who acted: only their role stays. */
    private static TimelineStep withoutStaff(TimelineStep step) {
        boolean staff = step.role() != null
                && !step.role().equals("ENTERPRISE")
                && !step.role().equals("SYSTEM");
        Map<String, Object> details = new LinkedHashMap<>(step.details());
        details.keySet().removeAll(STAFF_DETAILS);
        return new TimelineStep(
                step.position(),
                step.eventId(),
                step.type(),
                step.at(),
                step.recordedAt(),
                staff ? null : step.actor(),
                step.role(),
                step.correlationId(),
                step.causationId(),
                step.departmentId(),
                null,
                step.round(),
                step.dueAt(),
                step.flag(),
                step.rating(),
                step.kind(),
                step.holderAfter(),
                step.statusAfter(),
                details);
    }

    /** Whose eyes: the role, and the enterprise, leader or department that narrows it. */
    record Seen(Viewer viewer, String who, String department) {}

    /**
     * The appeal as {@code seenBy} saw it at {@code asOf}.
     *
     * @param visible whether that actor could see the appeal at all then; when not, {@code reason} says why
     */
    record AsSeen(
            UUID appealId,
            Instant asOf,
            Seen seenBy,
            boolean visible,
            String reason,
            String status,
            HolderView holder,
            List<TimelineStep> steps,
            cn.qinqing.oversight.reading.Freshness freshness) {}
}
