package cn.qinqing.assignment.dispatch.web;

import cn.qinqing.assignment.dispatch.query.AssignmentFilter;
import cn.qinqing.assignment.dispatch.query.AssignmentView;
import cn.qinqing.assignment.dispatch.query.Assignments;
import cn.qinqing.assignment.dispatch.query.SupervisionNoticeView;
import cn.qinqing.language.Role;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.FreshReads;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work lists: the dispatcher's queue (待派单), a department's inbox (待签收 / 办理中), a leader's cases (领办、提级)
 * and supervision notices (督办), and a list of all assignments for dispatchers, leaders and supervisors. Each is in the
 * order it must be worked: the earliest due first.
 */
@RestController
@RequestMapping(path = "/api/assignment", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkListController {

    private static final String PERSON_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final Assignments assignments;
    private final FreshReads reads;

    WorkListController(Assignments assignments, FreshReads reads) {
        this.assignments = assignments;
        this.reads = reads;
    }

    @GetMapping("/queue")
    ResponseEntity<List<AssignmentView>> queue(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return list(new AssignmentFilter(List.of("QUEUED"), null, null), limit);
    }

    /**
     * @param state UNSIGNED (dispatched, waiting for the department to sign for it), IN_PROGRESS (signed for), or
     *     absent for both
     */
    @GetMapping("/departments/{departmentId}/inbox")
    ResponseEntity<List<AssignmentView>> inbox(
            @PathVariable @Pattern(regexp = Requests.DEPARTMENT_ID, message = Requests.DEPARTMENT_ID_MESSAGE)
                    String departmentId,
            @RequestParam(required = false)
                    @Pattern(regexp = "UNSIGNED|IN_PROGRESS", message = "must be UNSIGNED or IN_PROGRESS")
                    String state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Actor actor = Actor.require();
        if (actor.is(Role.OFFICIAL) && !departmentId.equals(actor.departmentId())) {
            throw new AccessDeniedException("You may read your own department's inbox only.");
        }
        List<String> statuses = state == null
                ? List.of("DISPATCHED", "SIGNED_FOR")
                : List.of("UNSIGNED".equals(state) ? "DISPATCHED" : "SIGNED_FOR");
        return list(new AssignmentFilter(statuses, departmentId, null), limit);
    }

    /** The appeals the leader is responsible for: taken charge of, or escalated to. */
    @GetMapping("/leaders/{leaderId}/cases")
    ResponseEntity<List<AssignmentView>> cases(
            @PathVariable @Pattern(regexp = PERSON_ID, message = "must be a leader id") String leaderId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        requireSelfOrSupervisor(leaderId);
        return list(new AssignmentFilter(List.of(), null, leaderId), limit);
    }

    @GetMapping("/leaders/{leaderId}/supervision-notices")
    ResponseEntity<List<SupervisionNoticeView>> notices(
            @PathVariable @Pattern(regexp = PERSON_ID, message = "must be a leader id") String leaderId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        requireSelfOrSupervisor(leaderId);
        return reads.ok(Assignments.PROCESSING_GROUP).body(assignments.noticesBy(leaderId, limit));
    }

    /** All assignments, optionally of one status or department. */
    @GetMapping("/appeals")
    ResponseEntity<List<AssignmentView>> all(
            @RequestParam(required = false)
                    @Pattern(
                            regexp = "QUEUED|DISPATCHED|SIGNED_FOR|CLOSED",
                            message = "must be QUEUED, DISPATCHED, SIGNED_FOR or CLOSED")
                    String status,
            @RequestParam(required = false)
                    @Pattern(regexp = Requests.DEPARTMENT_ID, message = Requests.DEPARTMENT_ID_MESSAGE)
                    String departmentId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return list(new AssignmentFilter(status == null ? List.of() : List.of(status), departmentId, null), limit);
    }

    private static void requireSelfOrSupervisor(String leaderId) {
        Actor actor = Actor.require();
        if (actor.is(Role.LEADER) && !leaderId.equals(actor.subject())) {
            throw new AccessDeniedException("You may read your own cases and notices only.");
        }
    }

    private ResponseEntity<List<AssignmentView>> list(AssignmentFilter filter, int limit) {
        return reads.ok(Assignments.PROCESSING_GROUP).body(assignments.list(filter, limit));
    }
}
