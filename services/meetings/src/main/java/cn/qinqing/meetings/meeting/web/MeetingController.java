package cn.qinqing.meetings.meeting.web;

import cn.qinqing.language.Role;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.meetings.directory.query.Directory;
import cn.qinqing.meetings.meeting.command.AcceptInvitationCommand;
import cn.qinqing.meetings.meeting.command.CloseMeetingCommand;
import cn.qinqing.meetings.meeting.command.DeclineInvitationCommand;
import cn.qinqing.meetings.meeting.command.InviteEnterprisesCommand;
import cn.qinqing.meetings.meeting.command.ScheduleMeetingCommand;
import cn.qinqing.meetings.meeting.query.InvitationView;
import cn.qinqing.meetings.meeting.query.MeetingView;
import cn.qinqing.meetings.meeting.query.Meetings;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leaders schedule breakfast meetings and invite enterprises; enterprises answer their invitations. Writes answer
 * after their events are committed, with the meeting's new version as ETag; reads say how fresh they are
 * ({@link FreshReads}).
 */
@RestController
@Validated
@RequestMapping(path = "/api/meetings", produces = MediaType.APPLICATION_JSON_VALUE)
class MeetingController {

    private final CommandGateway commands;
    private final Meetings meetings;
    private final Directory directory;
    private final MeetingAccess access;
    private final IdempotentCreates creates;
    private final FreshReads reads;

    MeetingController(
            CommandGateway commands,
            Meetings meetings,
            Directory directory,
            MeetingAccess access,
            IdempotentCreates creates,
            FreshReads reads) {
        this.commands = commands;
        this.meetings = meetings;
        this.directory = directory;
        this.access = access;
        this.creates = creates;
        this.reads = reads;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.MeetingChanged> schedule(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.ScheduleMeeting request) {
        Instant now = Instant.now();
        List<FieldError> errors = new ArrayList<>();
        if (!request.startsAt().isAfter(now)) {
            errors.add(new FieldError("startsAt", "must lie in the future"));
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            errors.add(new FieldError("endsAt", "must lie after startsAt"));
        }
        if (!request.topicCutOffAt().isAfter(now) || request.topicCutOffAt().isAfter(request.startsAt())) {
            errors.add(new FieldError("topicCutOffAt", "must lie between now and startsAt"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Actor actor = Actor.require();
        var scheduled = creates.create(
                "meeting:" + actor.subject(),
                "meeting",
                idempotencyKey,
                request,
                id -> commands.sendAndWait(new ScheduleMeetingCommand(
                        id,
                        actor.subject(),
                        request.theme(),
                        request.venue(),
                        request.startsAt(),
                        request.endsAt(),
                        request.capacity(),
                        request.departmentIds() == null ? List.of() : request.departmentIds(),
                        request.topicCutOffAt(),
                        now)));
        return scheduled
                .answer(URI.create("/api/meetings/" + scheduled.id()))
                .eTag(ETags.of(0))
                .body(new Answers.MeetingChanged(scheduled.id(), 0));
    }

    @GetMapping
    ResponseEntity<List<MeetingView>> list(
            @RequestParam(defaultValue = "upcoming")
                    @Pattern(regexp = "upcoming|past", message = "must be upcoming or past")
                    String when,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Actor actor = Actor.require();
        return reads.ok(Meetings.PROCESSING_GROUP)
                .body(meetings.list(
                        "upcoming".equals(when), Instant.now(), MeetingAccess.enterpriseScope(actor), limit));
    }

    /** The calling enterprise's invitations to meetings that have not ended yet. */
    @GetMapping("/invitations")
    ResponseEntity<List<InvitationView>> myInvitations() {
        Actor actor = Actor.require();
        return reads.ok(Meetings.PROCESSING_GROUP)
                .body(
                        actor.enterpriseId() == null
                                ? List.of()
                                : meetings.invitationsOf(actor.enterpriseId(), Instant.now()));
    }

    @GetMapping("/{id}")
    ResponseEntity<Answers.MeetingDetails> get(@PathVariable UUID id) {
        MeetingView meeting = access.visible(id);
        Actor actor = Actor.require();
        List<InvitationView> invitations = actor.is(Role.ENTERPRISE)
                ? meetings.invitation(id, actor.enterpriseId()).stream().toList()
                : meetings.invitations(id);
        return reads.ok(Meetings.PROCESSING_GROUP)
                .eTag(ETags.of(meeting.version()))
                .body(new Answers.MeetingDetails(meeting, invitations));
    }

    @PostMapping(path = "/{id}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Invited> invite(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Invite request) {
        long version = ETags.version(ifMatch);
        List<String> handPicked = request.enterpriseIds() == null ? List.of() : request.enterpriseIds();
        List<InvitationSelection> selections = new ArrayList<>();
        Set<String> enterprises = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < handPicked.size(); i++) {
            if (!directory.isRegistered(handPicked.get(i))) {
                errors.add(new FieldError("enterpriseIds[" + i + "]", "is not a registered enterprise"));
            } else if (enterprises.add(handPicked.get(i))) {
                selections.add(InvitationSelection.BY_HAND);
            }
        }
        if (request.chainPositions() != null) {
            for (String enterprise : directory.enterprisesAt(request.chainPositions())) {
                if (enterprises.add(enterprise)) {
                    selections.add(InvitationSelection.BY_CHAIN_POSITION);
                }
            }
        }
        boolean keyEnterprises = Boolean.TRUE.equals(request.keyEnterprises());
        if (keyEnterprises) {
            for (String enterprise : directory.keyEnterprises()) {
                if (enterprises.add(enterprise)) {
                    selections.add(InvitationSelection.BY_KEY_ENTERPRISE_FLAG);
                }
            }
        }
        if (handPicked.isEmpty()
                && (request.chainPositions() == null || request.chainPositions().isEmpty())
                && !keyEnterprises) {
            errors.add(new FieldError(
                    "enterpriseIds", "must name enterprises, chain positions, key enterprises, or a mix"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<String> ordered = List.copyOf(enterprises);
        List<InviteEnterprisesCommand.Invitee> invitees = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            invitees.add(new InviteEnterprisesCommand.Invitee(ordered.get(i), selections.get(i)));
        }
        Long newVersion = commands.sendAndWait(new InviteEnterprisesCommand(
                id, version, MeetingAccess.requester(Actor.require()), invitees, Instant.now()));
        int added = (int) (newVersion - version); // one event per enterprise newly invited
        return ResponseEntity.ok()
                .eTag(ETags.of(newVersion))
                .body(new Answers.Invited(id, newVersion, ordered, added, ordered.size() - added));
    }

    @PostMapping(path = "/{id}/invitations/{enterpriseId}/acceptance")
    ResponseEntity<Answers.MeetingChanged> accept(
            @PathVariable UUID id,
            @PathVariable String enterpriseId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.version(ifMatch);
        Long newVersion = commands.sendAndWait(
                new AcceptInvitationCommand(id, version, ownEnterprise(id, enterpriseId), Instant.now()));
        return changed(id, newVersion);
    }

    @PostMapping(path = "/{id}/invitations/{enterpriseId}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.MeetingChanged> decline(
            @PathVariable UUID id,
            @PathVariable String enterpriseId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.DeclineInvitation request) {
        long version = ETags.version(ifMatch);
        Long newVersion = commands.sendAndWait(new DeclineInvitationCommand(
                id, version, ownEnterprise(id, enterpriseId), request.reason(), Instant.now()));
        return changed(id, newVersion);
    }

    /** An enterprise answers only its own invitation; anyone else's is not there for it. */
    private static String ownEnterprise(UUID meetingId, String enterpriseId) {
        Actor actor = Actor.require();
        if (actor.enterpriseId() == null || !actor.enterpriseId().equals(enterpriseId)) {
            throw new NotFoundException("There is no meeting " + meetingId + " that you may see.");
        }
        return enterpriseId;
    }

    @PostMapping("/{id}/closure")
    ResponseEntity<Answers.MeetingChanged> close(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.version(ifMatch);
        Long newVersion = commands.sendAndWait(
                new CloseMeetingCommand(id, version, MeetingAccess.requester(Actor.require()), Instant.now()));
        return changed(id, newVersion);
    }

    static ResponseEntity<Answers.MeetingChanged> changed(UUID id, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.MeetingChanged(id, version));
    }
}
