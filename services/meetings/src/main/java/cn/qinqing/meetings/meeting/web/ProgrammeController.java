package cn.qinqing.meetings.meeting.web;

import cn.qinqing.language.Role;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.meetings.directory.query.Directory;
import cn.qinqing.meetings.meeting.command.AcceptTopicCommand;
import cn.qinqing.meetings.meeting.command.CorrectMinutesCommand;
import cn.qinqing.meetings.meeting.command.DeclineTopicCommand;
import cn.qinqing.meetings.meeting.command.DraftMinutesCommand;
import cn.qinqing.meetings.meeting.command.NotTheHost;
import cn.qinqing.meetings.meeting.command.ProposeTopicCommand;
import cn.qinqing.meetings.meeting.command.PublishMinutesCommand;
import cn.qinqing.meetings.meeting.command.SetAgendaCommand;
import cn.qinqing.meetings.meeting.query.AgendaView;
import cn.qinqing.meetings.meeting.query.MeetingView;
import cn.qinqing.meetings.meeting.query.Meetings;
import cn.qinqing.meetings.meeting.query.MinutesDocuments;
import cn.qinqing.meetings.meeting.query.MinutesView;
import cn.qinqing.meetings.meeting.query.TopicView;
import cn.qinqing.platform.documents.Documents;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a meeting talks about: the enterprises' topics, the host's agenda, and the minutes. Invited enterprises
 * propose topics and read the agenda and the published minutes; the host decides and writes.
 */
@RestController
@Validated
@RequestMapping(path = "/api/meetings/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class ProgrammeController {

    private final CommandGateway commands;
    private final Meetings meetings;
    private final Directory directory;
    private final MeetingAccess access;
    private final IdempotentCreates creates;
    private final FreshReads reads;
    private final Documents documents;
    private final MinutesDocuments minutesDocuments;

    ProgrammeController(
            CommandGateway commands,
            Meetings meetings,
            Directory directory,
            MeetingAccess access,
            IdempotentCreates creates,
            FreshReads reads,
            Documents documents,
            MinutesDocuments minutesDocuments) {
        this.documents = documents;
        this.minutesDocuments = minutesDocuments;
        this.commands = commands;
        this.meetings = meetings;
        this.directory = directory;
        this.access = access;
        this.creates = creates;
        this.reads = reads;
    }

    /** The host's side and supervisors see every topic; an enterprise its own. */
    @GetMapping("/topics")
    ResponseEntity<List<TopicView>> topics(@PathVariable UUID id) {
        access.visible(id);
        return reads.ok(Meetings.PROCESSING_GROUP)
                .body(meetings.topics(id, MeetingAccess.enterpriseScope(Actor.require())));
    }

    @PostMapping(path = "/topics", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Created> propose(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.ProposeTopic request) {
        Actor actor = Actor.require();
        String enterprise = actor.enterpriseId();
        if (enterprise == null) {
            throw new NotFoundException("There is no meeting " + id + " that you may see.");
        }
        if (request.linkedAppealId() != null && !directory.filedBy(request.linkedAppealId(), enterprise)) {
            throw new InvalidRequestException("linkedAppealId", "is not an appeal your enterprise filed");
        }
        var proposed = creates.create(
                "topic:" + id + ":" + enterprise + ":" + actor.subject(),
                "meeting-topic",
                idempotencyKey,
                request,
                topicId -> commands.<Long>sendAndWait(new ProposeTopicCommand(
                        id,
                        topicId,
                        enterprise,
                        request.title(),
                        request.description(),
                        request.linkedAppealId(),
                        Instant.now())));
        return Answers.Created.in(id, "topics", proposed);
    }

    @PostMapping("/topics/{topicId}/acceptance")
    ResponseEntity<Answers.MeetingChanged> acceptTopic(
            @PathVariable UUID id,
            @PathVariable UUID topicId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.version(ifMatch);
        Long newVersion = commands.sendAndWait(
                new AcceptTopicCommand(id, version, MeetingAccess.requester(Actor.require()), topicId, Instant.now()));
        return MeetingController.changed(id, newVersion);
    }

    @PostMapping(path = "/topics/{topicId}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.MeetingChanged> declineTopic(
            @PathVariable UUID id,
            @PathVariable UUID topicId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.DeclineTopic request) {
        long version = ETags.version(ifMatch);
        Long newVersion = commands.sendAndWait(new DeclineTopicCommand(
                id, version, MeetingAccess.requester(Actor.require()), topicId, request.reason(), Instant.now()));
        return MeetingController.changed(id, newVersion);
    }

    @GetMapping("/agenda")
    ResponseEntity<AgendaView> agenda(@PathVariable UUID id) {
        access.visible(id);
        return reads.ok(Meetings.PROCESSING_GROUP)
                .body(meetings.agenda(id)
                        .orElseThrow(
                                () -> new NotFoundException("The agenda of meeting " + id + " is not published.")));
    }

    /** Publishes the agenda the first time; every later call is a recorded change and needs a reason. */
    @PutMapping(path = "/agenda", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.MeetingChanged> setAgenda(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Agenda request) {
        long version = ETags.version(ifMatch);
        List<AgendaItem> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            Requests.AgendaItem item = request.items().get(i);
            items.add(new AgendaItem(
                    i + 1, item.title(), item.startsAt(), item.endsAt(), item.departmentId(), item.topicId()));
        }
        Long newVersion = commands.sendAndWait(new SetAgendaCommand(
                id, version, MeetingAccess.requester(Actor.require()), items, request.reason(), Instant.now()));
        return MeetingController.changed(id, newVersion);
    }

    /** Enterprises read published minutes only; the host's side and supervisors read the draft too. */
    @GetMapping("/minutes")
    ResponseEntity<MinutesView> minutes(@PathVariable UUID id) {
        return reads.ok(Meetings.PROCESSING_GROUP).body(readableMinutes(id));
    }

    /** The documents attached to the minutes, for whoever may read the minutes (an enterprise: once published). */
    @GetMapping("/minutes/documents")
    ResponseEntity<List<MinutesDocuments.DocumentView>> minutesDocuments(@PathVariable UUID id) {
        readableMinutes(id);
        return reads.ok(Meetings.PROCESSING_GROUP).body(minutesDocuments.of(id));
    }

    /** One document's bytes (RFC 6266 name), after exactly the check of the minutes: 404 for anyone else. */
    @GetMapping(path = "/minutes/documents/{documentId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<InputStreamResource> minutesDocument(@PathVariable UUID id, @PathVariable UUID documentId) {
        readableMinutes(id);
        MinutesDocuments.DocumentView document = minutesDocuments
                .find(id, documentId)
                .orElseThrow(() -> new NotFoundException("The minutes have no document " + documentId + "."));
        return documents.download(document.ref());
    }

    private MinutesView readableMinutes(UUID id) {
        access.visible(id);
        boolean enterprise = Actor.require().is(Role.ENTERPRISE);
        return meetings.minutes(id)
                .filter(minutes -> !enterprise || "PUBLISHED".equals(minutes.status()))
                .orElseThrow(() -> new NotFoundException("The minutes of meeting " + id + " are not out."));
    }

    /**
     * Files uploaded with the minutes: only the host (or an admin) gets as far as storing them; they are checked and
     * stored pending, the step records them, and they are promoted or removed (ADR 0009).
     */
    private ResponseEntity<Answers.MeetingChanged> withDocuments(
            UUID id,
            List<MultipartFile> files,
            Function<List<DocumentRef>, ResponseEntity<Answers.MeetingChanged>> step) {
        List<MultipartFile> uploads = Documents.chosen(files);
        if (uploads.isEmpty()) {
            return step.apply(List.of());
        }
        MeetingView meeting = access.visible(id);
        Actor actor = Actor.require();
        if (!actor.is(Role.ADMIN) && !actor.subject().equals(meeting.hostLeaderId())) {
            throw new NotTheHost(meeting.hostLeaderId());
        }
        documents.checkSizes(uploads, minutesDocuments.totalSize(id), "files");
        List<DocumentRef> stored = documents.uploadAll(uploads, "files");
        return documents.committing(stored, () -> step.apply(stored));
    }

    /** Drafts (or redrafts) the minutes, until they are published. */
    @PutMapping(path = "/minutes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.MeetingChanged> draftMinutes(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Minutes request) {
        return draftMinutes(id, ETags.version(ifMatch), request, List.of());
    }

    /** The same draft with files (multipart: the JSON part {@code minutes} and the {@code files}), ADR 0009. */
    @PutMapping(path = "/minutes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Answers.MeetingChanged> draftMinutesWithDocuments(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestPart("minutes") Requests.Minutes request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        long version = ETags.version(ifMatch);
        return withDocuments(id, files, stored -> draftMinutes(id, version, request, stored));
    }

    private ResponseEntity<Answers.MeetingChanged> draftMinutes(
            UUID id, long version, Requests.Minutes request, List<DocumentRef> uploaded) {
        Long newVersion = commands.sendAndWait(new DraftMinutesCommand(
                id,
                version,
                MeetingAccess.requester(Actor.require()),
                request.attendance().toAttendance(),
                request.toItems(),
                Instant.now(),
                uploaded));
        return MeetingController.changed(id, newVersion);
    }

    @PostMapping("/minutes/publication")
    ResponseEntity<Answers.MeetingChanged> publishMinutes(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.version(ifMatch);
        Long newVersion = commands.sendAndWait(
                new PublishMinutesCommand(id, version, MeetingAccess.requester(Actor.require()), Instant.now()));
        return MeetingController.changed(id, newVersion);
    }

    @PostMapping(path = "/minutes/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.MeetingChanged> correctMinutes(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Correction request) {
        return correctMinutes(id, ETags.version(ifMatch), request, List.of());
    }

    /** The same correction with files (multipart: the JSON part {@code correction} and the {@code files}). */
    @PostMapping(path = "/minutes/corrections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Answers.MeetingChanged> correctMinutesWithDocuments(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestPart("correction") Requests.Correction request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        long version = ETags.version(ifMatch);
        return withDocuments(id, files, stored -> correctMinutes(id, version, request, stored));
    }

    private ResponseEntity<Answers.MeetingChanged> correctMinutes(
            UUID id, long version, Requests.Correction request, List<DocumentRef> uploaded) {
        Long newVersion = commands.sendAndWait(new CorrectMinutesCommand(
                id,
                version,
                MeetingAccess.requester(Actor.require()),
                request.attendance().toAttendance(),
                request.toItems(),
                request.reason(),
                Instant.now(),
                uploaded));
        return MeetingController.changed(id, newVersion);
    }
}
