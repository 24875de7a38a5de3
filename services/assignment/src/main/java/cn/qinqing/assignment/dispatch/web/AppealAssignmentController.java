package cn.qinqing.assignment.dispatch.web;

import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.dispatch.command.DispatchAppealCommand;
import cn.qinqing.assignment.dispatch.command.EscalateAppealCommand;
import cn.qinqing.assignment.dispatch.command.IssueSupervisionNoticeCommand;
import cn.qinqing.assignment.dispatch.command.ReturnAppealCommand;
import cn.qinqing.assignment.dispatch.command.SignForAppealCommand;
import cn.qinqing.assignment.dispatch.command.TakeChargeCommand;
import cn.qinqing.assignment.dispatch.command.TransferAppealCommand;
import cn.qinqing.assignment.dispatch.query.AssignmentView;
import cn.qinqing.assignment.dispatch.query.Assignments;
import cn.qinqing.assignment.dispatch.query.HolderPeriodView;
import cn.qinqing.assignment.dispatch.query.SupervisionNoticeView;
import cn.qinqing.language.Role;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One appeal's assignment: read who holds it and its holder record, and act on it — dispatch (派单), sign for (签收),
 * return (退回), transfer (转办), take charge (领办), supervise (督办), escalate (提级). Every command names the
 * version it was based on in {@code If-Match} and answers with the new one once its events are committed.
 *
 * <p>An official sees and acts on the appeals their department holds; any other appeal is 404, exactly as one that
 * does not exist.
 */
@RestController
@RequestMapping(path = "/api/assignment/appeals/{appealId}", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealAssignmentController {

    private final CommandGateway commands;
    private final Assignments assignments;
    private final Directory directory;
    private final IdempotentCreates creates;
    private final FreshReads reads;

    AppealAssignmentController(
            CommandGateway commands,
            Assignments assignments,
            Directory directory,
            IdempotentCreates creates,
            FreshReads reads) {
        this.commands = commands;
        this.assignments = assignments;
        this.directory = directory;
        this.creates = creates;
        this.reads = reads;
    }

    @GetMapping
    ResponseEntity<AssignmentView> get(@PathVariable UUID appealId) {
        AssignmentView assignment = visible(appealId);
        return reads.ok(Assignments.PROCESSING_GROUP)
                .eTag(ETags.of(assignment.version()))
                .body(assignment);
    }

    /** Every period during which a department or a leader held the appeal (持有记录). */
    @GetMapping("/holders")
    ResponseEntity<List<HolderPeriodView>> holders(@PathVariable UUID appealId) {
        visible(appealId);
        return reads.ok(Assignments.HOLDERS_PROCESSING_GROUP).body(assignments.holders(appealId));
    }

    @GetMapping("/supervision-notices")
    ResponseEntity<List<SupervisionNoticeView>> notices(@PathVariable UUID appealId) {
        visible(appealId);
        return reads.ok(Assignments.PROCESSING_GROUP).body(assignments.notices(appealId));
    }

    @PostMapping(path = "/dispatch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssignmentChanged> dispatch(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.DispatchRequest request) {
        long expected = ETags.version(ifMatch);
        requireDepartment("departmentId", request.departmentId());
        long version = commands.sendAndWait(
                new DispatchAppealCommand(appealId, expected, request.departmentId(), Instant.now()));
        return changed(appealId, version);
    }

    @PostMapping("/sign-for")
    ResponseEntity<AssignmentChanged> signFor(
            @PathVariable UUID appealId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long expected = ETags.version(ifMatch);
        Actor actor = Actor.require();
        long version = commands.sendAndWait(
                new SignForAppealCommand(appealId, expected, actor.subject(), actor.departmentId(), Instant.now()));
        return changed(appealId, version);
    }

    @PostMapping(path = "/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssignmentChanged> returnToDispatch(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.ReturnRequest request) {
        long expected = ETags.version(ifMatch);
        Actor actor = Actor.require();
        long version = commands.sendAndWait(new ReturnAppealCommand(
                appealId, expected, actor.subject(), actor.departmentId(), request.reason(), Instant.now()));
        return changed(appealId, version);
    }

    @PostMapping(path = "/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssignmentChanged> transfer(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.TransferRequest request) {
        long expected = ETags.version(ifMatch);
        requireDepartment("toDepartmentId", request.toDepartmentId());
        Actor actor = Actor.require();
        long version = commands.sendAndWait(new TransferAppealCommand(
                appealId,
                expected,
                actor.subject(),
                actor.departmentId(),
                request.toDepartmentId(),
                request.reason(),
                Instant.now()));
        return changed(appealId, version);
    }

    @PostMapping("/take-charge")
    ResponseEntity<AssignmentChanged> takeCharge(
            @PathVariable UUID appealId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long expected = ETags.version(ifMatch);
        long version = commands.sendAndWait(
                new TakeChargeCommand(appealId, expected, Actor.require().subject(), Instant.now()));
        return changed(appealId, version);
    }

    /**
     * Issues a supervision notice to the holding department. A create: with an {@code Idempotency-Key}, a retry gives
     * the same notice once.
     */
    @PostMapping(path = "/supervision-notices", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> supervise(
            @PathVariable UUID appealId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.SupervisionNoticeRequest request) {
        Actor actor = Actor.require();
        var issued = creates.create(
                "supervision-notice:" + appealId + ":" + actor.subject(),
                "supervision-notice",
                idempotencyKey,
                IdempotencyKeys.bytes(request.instructions() + "\u001f" + request.dueAt()),
                noticeId -> commands.<Long>sendAndWait(new IssueSupervisionNoticeCommand(
                        appealId, noticeId, actor.subject(), request.instructions(), request.dueAt(), Instant.now())));
        return issued.answer(URI.create("/api/assignment/appeals/" + appealId + "/supervision-notices"))
                .eTag(ETags.of(issued.result()))
                .body(Map.of("appealId", appealId, "noticeId", issued.id(), "version", issued.result()));
    }

    /**
     * Escalates to the next leader up (提级): from the leader in charge to their superior; with none in charge, to the
     * head of the holding department, else the enterprise's liaison leader, else the city's top.
     */
    @PostMapping(path = "/escalation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssignmentChanged> escalate(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.EscalationRequest request) {
        long expected = ETags.version(ifMatch);
        long version = commands.sendAndWait(
                new EscalateAppealCommand(appealId, expected, "REQUESTED: " + request.reason(), true, Instant.now()));
        return changed(appealId, version);
    }

    private void requireDepartment(String field, String departmentId) {
        if (!directory.hasDepartment(departmentId)) {
            throw new InvalidRequestException(field, "is not a department of the directory");
        }
    }

    private static ResponseEntity<AssignmentChanged> changed(UUID appealId, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new AssignmentChanged(appealId, version));
    }

    /** The assignment, if the caller may see it; 404 otherwise, exactly as for an appeal that does not exist. */
    private AssignmentView visible(UUID appealId) {
        Actor actor = Actor.require();
        return assignments
                .find(appealId)
                .filter(assignment -> !actor.is(Role.OFFICIAL)
                        || (actor.departmentId() != null && actor.departmentId().equals(assignment.departmentId())))
                .orElseThrow(() -> new NotFoundException("There is no appeal " + appealId + " that you may see."));
    }
}
