package cn.qinqing.meetings.meeting.web;

import cn.qinqing.language.Ids;
import cn.qinqing.meetings.meeting.command.RaiseActionItemCommand;
import cn.qinqing.meetings.meeting.query.ActionItemView;
import cn.qinqing.meetings.meeting.query.FollowUpView;
import cn.qinqing.meetings.meeting.query.MeetingView;
import cn.qinqing.meetings.meeting.query.Meetings;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.messaging.ProcessorPositions;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import java.net.URI;
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
    private final IdempotencyKeys idempotencyKeys;
    private final ProcessorPositions positions;
    private final ObjectMapper mapper;

    ActionItemController(
            CommandGateway commands,
            Meetings meetings,
            MeetingAccess access,
            IdempotencyKeys idempotencyKeys,
            ProcessorPositions positions,
            ObjectMapper mapper) {
        this.commands = commands;
        this.meetings = meetings;
        this.access = access;
        this.idempotencyKeys = idempotencyKeys;
        this.positions = positions;
        this.mapper = mapper;
    }

    @PostMapping(path = "/action-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Created> raise(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.ActionItem request) {
        Actor actor = Actor.require();
        UUID actionItemId = UUID.randomUUID();
        boolean replayed = false;
        if (idempotencyKey != null) {
            String scope = "action-item:" + id + ":" + actor.subject();
            var reservation = idempotencyKeys.reserve(
                    scope,
                    idempotencyKey,
                    canonical(request),
                    Ids.derive("meeting-action-item-key", scope, idempotencyKey).toString());
            actionItemId = UUID.fromString(reservation.resourceId());
            replayed = !reservation.first();
        }
        Long version = commands.sendAndWait(new RaiseActionItemCommand(
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
                Instant.now()));
        return ResponseEntity.created(URI.create("/api/meetings/" + id + "/action-items"))
                .eTag(ETags.of(version))
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .body(new Answers.Created(actionItemId, id, version));
    }

    /** Every action item with its live status; an enterprise sees the items that concern it. */
    @GetMapping("/action-items")
    ResponseEntity<List<ActionItemView>> actionItems(@PathVariable UUID id) {
        access.visible(id);
        return ResponseEntity.ok()
                .header(MeetingController.FRESHNESS, positions.describe(Meetings.STATUS_PROCESSING_GROUP))
                .body(meetings.actionItems(id, MeetingAccess.enterpriseScope(Actor.require()), MeetingAccess.today()));
    }

    /** The follow-up rate and the overdue items (落实情况), for leaders and supervisors. */
    @GetMapping("/follow-up")
    ResponseEntity<FollowUpView> followUp(@PathVariable UUID id) {
        MeetingView meeting = access.visible(id);
        return ResponseEntity.ok()
                .header(MeetingController.FRESHNESS, positions.describe(Meetings.STATUS_PROCESSING_GROUP))
                .body(meetings.followUp(meeting, MeetingAccess.today()));
    }

    private byte[] canonical(Object request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
