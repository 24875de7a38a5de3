package cn.qinqing.meetings.meeting.web;

import cn.qinqing.meetings.meeting.command.RaiseActionItemCommand;
import cn.qinqing.meetings.meeting.query.ActionItemView;
import cn.qinqing.meetings.meeting.query.FollowUpView;
import cn.qinqing.meetings.meeting.query.MeetingView;
import cn.qinqing.meetings.meeting.query.Meetings;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.FreshReads;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decisions a meeting took, as tracked action items: each becomes an appeal in the appeals service, and its live
 * status comes back from the events of appeals, assignment and resolution.
 */
@RestController
@Validated
@RequestMapping(path = "/api/meetings/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class ActionItemController {

    private final CommandGateway commands;
    private final Meetings meetings;
    private final MeetingAccess access;
    private final IdempotentCreates creates;
    private final FreshReads reads;

    ActionItemController(
            CommandGateway commands,
            Meetings meetings,
            MeetingAccess access,
            IdempotentCreates creates,
            FreshReads reads) {
        this.commands = commands;
        this.meetings = meetings;
        this.access = access;
        this.creates = creates;
        this.reads = reads;
    }

    @PostMapping(path = "/action-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Created> raise(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.ActionItem request) {
        Actor actor = Actor.require();
        var raised = creates.create(
                "action-item:" + id + ":" + actor.subject(),
                "meeting-action-item-key",
                idempotencyKey,
                request,
                actionItemId -> commands.<Long>sendAndWait(new RaiseActionItemCommand(
                        id,
                        actionItemId,
                        MeetingAccess.requester(actor),
                        request.agendaPosition(),
                        request.decision(),
                        request.enterpriseId(),
                        request.ownerDepartmentId(),
                        request.responsibleLeaderId(),
                        request.dueOn(),
                        request.title(),
                        request.description(),
                        request.category(),
                        request.urgency(),
                        Instant.now())));
        return Answers.Created.in(id, "action-items", raised);
    }

    /** Every action item with its live status; an enterprise sees the items that concern it. */
    @GetMapping("/action-items")
    ResponseEntity<List<ActionItemView>> actionItems(@PathVariable UUID id) {
        access.visible(id);
        return reads.ok(Meetings.STATUS_PROCESSING_GROUP)
                .body(meetings.actionItems(id, MeetingAccess.enterpriseScope(Actor.require()), MeetingAccess.today()));
    }

    /** The follow-up rate and the overdue items (落实情况), for leaders and supervisors. */
    @GetMapping("/follow-up")
    ResponseEntity<FollowUpView> followUp(@PathVariable UUID id) {
        MeetingView meeting = access.visible(id);
        return reads.ok(Meetings.STATUS_PROCESSING_GROUP).body(meetings.followUp(meeting, MeetingAccess.today()));
    }
}
