package cn.qinqing.resolution.casefile.web;

import cn.qinqing.language.Role;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.platform.documents.Documents;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.readlog.RecordsRead;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import cn.qinqing.resolution.casefile.command.Caller;
import cn.qinqing.resolution.casefile.command.CaseFile;
import cn.qinqing.resolution.casefile.command.DecideExtensionCommand;
import cn.qinqing.resolution.casefile.command.NoteProgressCommand;
import cn.qinqing.resolution.casefile.command.PauseCaseFileCommand;
import cn.qinqing.resolution.casefile.command.RequestExtensionCommand;
import cn.qinqing.resolution.casefile.command.ResumeCaseFileCommand;
import cn.qinqing.resolution.casefile.command.SignOffCloseOutCommand;
import cn.qinqing.resolution.casefile.command.SlaPolicy;
import cn.qinqing.resolution.casefile.command.SubmitResolutionCommand;
import cn.qinqing.resolution.casefile.query.CaseFileDocuments;
import cn.qinqing.resolution.casefile.query.CaseFileView;
import cn.qinqing.resolution.casefile.query.CaseFiles;
import cn.qinqing.resolution.casefile.query.ExtensionView;
import cn.qinqing.resolution.casefile.query.NoteView;
import cn.qinqing.resolution.casefile.web.Requests.AnswerRequest;
import cn.qinqing.resolution.casefile.web.Requests.CaseFileChanged;
import cn.qinqing.resolution.casefile.web.Requests.Created;
import cn.qinqing.resolution.casefile.web.Requests.ExtensionDecision;
import cn.qinqing.resolution.casefile.web.Requests.ExtensionRequest;
import cn.qinqing.resolution.casefile.web.Requests.NoteRequest;
import cn.qinqing.resolution.casefile.web.Requests.PauseRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The holding department works its case files here; the leader in charge or the department head decides extensions
 * and signs off. Case files are addressed by their appeal's id. Writes take {@code If-Match} with the case file's
 * version and answer after their events are committed; reads say how fresh they are.
 */
@RestController
@Validated
@RequestMapping(path = "/api/resolution/case-files", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseFileController {

    private final CommandGateway commands;
    private final CaseFiles caseFiles;
    private final IdempotentCreates creates;
    private final FreshReads reads;
    private final SlaPolicy sla;
    private final Documents documents;
    private final CaseFileDocuments caseFileDocuments;

    CaseFileController(
            CommandGateway commands,
            CaseFiles caseFiles,
            IdempotentCreates creates,
            FreshReads reads,
            SlaPolicy sla,
            Documents documents,
            CaseFileDocuments caseFileDocuments) {
        this.commands = commands;
        this.caseFiles = caseFiles;
        this.creates = creates;
        this.reads = reads;
        this.sla = sla;
        this.documents = documents;
        this.caseFileDocuments = caseFileDocuments;
    }

    /** An official's department's case files; a leader's (headed department and those it took charge of); all else. */
    @GetMapping
    ResponseEntity<List<CaseFileView>> list(
            @RequestParam(required = false)
                    @Pattern(regexp = "OPEN|PAUSED|ANSWERED|CLOSED|CANCELLED", message = "must be a case file status")
                    String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Actor actor = Actor.require();
        List<CaseFileView> list =
                switch (actor.role()) {
                    case OFFICIAL -> caseFiles.list(department(actor), null, status, limit);
                    case LEADER -> caseFiles.list(actor.departmentId(), actor.subject(), status, limit);
                    default -> caseFiles.list(null, null, status, limit);
                };
        return reads.ok(CaseFiles.PROCESSING_GROUP).body(list);
    }

    @GetMapping("/{appealId}")
    @RecordsRead(value = "CASE_FILE", appeal = "appealId")
    ResponseEntity<CaseFileView> get(@PathVariable UUID appealId) {
        CaseFileView caseFile = visible(appealId);
        return reads.ok(CaseFiles.PROCESSING_GROUP)
                .eTag(ETags.of(caseFile.version()))
                .body(caseFile);
    }

    @GetMapping("/{appealId}/notes")
    @RecordsRead(value = "CASE_FILE_NOTES", appeal = "appealId")
    ResponseEntity<List<NoteView>> notes(@PathVariable UUID appealId) {
        visible(appealId);
        return reads.ok(CaseFiles.PROCESSING_GROUP).body(caseFiles.notes(appealId, false));
    }

    @GetMapping("/{appealId}/extension-requests")
    ResponseEntity<List<ExtensionView>> extensions(@PathVariable UUID appealId) {
        visible(appealId);
        return reads.ok(CaseFiles.PROCESSING_GROUP).body(caseFiles.extensions(appealId));
    }

    @PostMapping(path = "/{appealId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> note(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody NoteRequest request) {
        return note(appealId, ETags.version(ifMatch), idempotencyKey, request, List.of());
    }

    /**
     * The same note with files uploaded beside it (multipart: the JSON part {@code note} and any number of
     * {@code files}). The enterprise may read them when the note is visible to it (ADR 0009).
     */
    @PostMapping(path = "/{appealId}/notes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Created> noteWithDocuments(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestPart("note") NoteRequest request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        long version = ETags.version(ifMatch);
        return withDocuments(appealId, files, stored -> note(appealId, version, idempotencyKey, request, stored));
    }

    private ResponseEntity<Created> note(
            UUID appealId, long version, String idempotencyKey, NoteRequest request, List<DocumentRef> uploaded) {
        Caller caller = caller(Actor.require(), appealId);
        return create(
                appealId,
                "note",
                idempotencyKey,
                withFingerprints(request, uploaded),
                noteId -> new NoteProgressCommand(
                        CaseFile.idOf(appealId),
                        version,
                        caller,
                        noteId,
                        request.text(),
                        request.visibleToEnterprise(),
                        Boolean.TRUE.equals(request.contactWithEnterprise()),
                        Instant.now(),
                        uploaded));
    }

    @PostMapping(path = "/{appealId}/pause", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseFileChanged> pause(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PauseRequest request) {
        long version = ETags.version(ifMatch);
        return changed(
                appealId,
                new PauseCaseFileCommand(
                        CaseFile.idOf(appealId),
                        version,
                        caller(Actor.require(), appealId),
                        request.reason(),
                        Instant.now()));
    }

    @PostMapping("/{appealId}/resumption")
    ResponseEntity<CaseFileChanged> resume(
            @PathVariable UUID appealId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.version(ifMatch);
        return changed(
                appealId,
                new ResumeCaseFileCommand(
                        CaseFile.idOf(appealId), version, caller(Actor.require(), appealId), Instant.now()));
    }

    @PostMapping(path = "/{appealId}/extension-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> requestExtension(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ExtensionRequest request) {
        return requestExtension(appealId, ETags.version(ifMatch), idempotencyKey, request, List.of());
    }

    /** The same request with files (multipart: the JSON part {@code extension} and the {@code files}), ADR 0009. */
    @PostMapping(path = "/{appealId}/extension-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Created> requestExtensionWithDocuments(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestPart("extension") ExtensionRequest request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        long version = ETags.version(ifMatch);
        if (!request.requestedDueAt().isAfter(Instant.now())) {
            throw new InvalidRequestException("requestedDueAt", "must be in the future");
        }
        return withDocuments(
                appealId, files, stored -> requestExtension(appealId, version, idempotencyKey, request, stored));
    }

    private ResponseEntity<Created> requestExtension(
            UUID appealId, long version, String idempotencyKey, ExtensionRequest request, List<DocumentRef> uploaded) {
        Instant now = Instant.now();
        if (!request.requestedDueAt().isAfter(now)) {
            throw new InvalidRequestException("requestedDueAt", "must be in the future");
        }
        Caller caller = caller(Actor.require(), appealId);
        WorkingDue due = WorkingDue.of(sla.clock(), request.requestedDueAt());
        ResponseEntity<Created> created = create(
                appealId,
                "extension",
                idempotencyKey,
                withFingerprints(request, uploaded),
                requestId -> new RequestExtensionCommand(
                        CaseFile.idOf(appealId),
                        version,
                        caller,
                        requestId,
                        due.dueAt(),
                        request.reason(),
                        now,
                        uploaded));
        if (!due.moved()) {
            return created;
        }
        Created body = created.getBody();
        return ResponseEntity.status(created.getStatusCode())
                .headers(created.getHeaders())
                .body(new Created(body.id(), body.appealId(), body.version(), due.describe()));
    }

    @PostMapping(
            path = "/{appealId}/extension-requests/{requestId}/decision",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseFileChanged> decideExtension(
            @PathVariable UUID appealId,
            @PathVariable UUID requestId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ExtensionDecision request) {
        long version = ETags.version(ifMatch);
        if (!request.grant() && (request.reason() == null || request.reason().isBlank())) {
            throw new InvalidRequestException("reason", "must say why the extension is denied");
        }
        if (request.grant() && request.newDueAt() != null && !request.newDueAt().isAfter(Instant.now())) {
            throw new InvalidRequestException("newDueAt", "must be in the future");
        }
        WorkingDue due =
                request.grant() && request.newDueAt() != null ? WorkingDue.of(sla.clock(), request.newDueAt()) : null;
        ResponseEntity<CaseFileChanged> changed = changed(
                appealId,
                new DecideExtensionCommand(
                        CaseFile.idOf(appealId),
                        version,
                        caller(Actor.require(), appealId),
                        requestId,
                        request.grant(),
                        due == null ? null : due.dueAt(),
                        request.reason(),
                        Instant.now()));
        if (due == null || !due.moved()) {
            return changed;
        }
        return ResponseEntity.ok()
                .headers(changed.getHeaders())
                .body(new CaseFileChanged(appealId, changed.getBody().version(), due.describe()));
    }

    @PostMapping(path = "/{appealId}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseFileChanged> answer(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AnswerRequest request) {
        return answer(appealId, ETags.version(ifMatch), request, List.of());
    }

    /**
     * The answer with files (multipart: the JSON part {@code answer} and the {@code files}): the written reply, a
     * permit, photos. The enterprise may always read them (ADR 0009).
     */
    @PostMapping(path = "/{appealId}/answer", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseFileChanged> answerWithDocuments(
            @PathVariable UUID appealId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestPart("answer") AnswerRequest request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        long version = ETags.version(ifMatch);
        checkAnswer(request);
        return withDocuments(appealId, files, stored -> answer(appealId, version, request, stored));
    }

    private ResponseEntity<CaseFileChanged> answer(
            UUID appealId, long version, AnswerRequest request, List<DocumentRef> uploaded) {
        checkAnswer(request);
        return changed(
                appealId,
                new SubmitResolutionCommand(
                        CaseFile.idOf(appealId),
                        version,
                        caller(Actor.require(), appealId),
                        request.answer(),
                        request.outcome(),
                        request.reason(),
                        request.policyBasis(),
                        Instant.now(),
                        uploaded));
    }

    private static void checkAnswer(AnswerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.outcome() != Outcome.SOLVED && blank(request.reason())) {
            errors.add(new FieldError("reason", "must say why it could not be (fully) solved"));
        }
        if (request.outcome() == Outcome.CANNOT_BE_SOLVED && blank(request.policyBasis())) {
            errors.add(new FieldError("policyBasis", "must name the policy or regulation the answer rests on"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * The documents attached to the case file's notes, extension requests and answer. City staff who may read the case
     * file see all of them; the enterprise whose appeal it is sees the answer's and those of notes visible to it;
     * anyone else gets 404, as for the case file.
     */
    @GetMapping("/{appealId}/documents")
    ResponseEntity<List<CaseFileDocuments.DocumentView>> documents(@PathVariable UUID appealId) {
        boolean enterprise = readable(appealId);
        return reads.ok(CaseFiles.PROCESSING_GROUP).body(caseFileDocuments.of(appealId, enterprise));
    }

    /**
     * One document's bytes, with its detected type and its name (RFC 6266), after exactly the check of the listing:
     * a document not meant for the caller is 404 like one that does not exist.
     */
    @GetMapping(path = "/{appealId}/documents/{documentId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<InputStreamResource> download(@PathVariable UUID appealId, @PathVariable UUID documentId) {
        boolean enterprise = readable(appealId);
        CaseFileDocuments.DocumentView document = caseFileDocuments
                .find(appealId, documentId)
                .filter(found -> !enterprise || found.visibleToEnterprise())
                .orElseThrow(() -> new NotFoundException("The case file has no document " + documentId + "."));
        return documents.download(document.ref());
    }

    /**
     * Files uploaded with a step: the caller must be able to work the case file (else 404 before anything is stored),
     * the files are checked and stored pending, the step's command records them, and they are promoted or removed.
     */
    private <T> ResponseEntity<T> withDocuments(
            UUID appealId, List<MultipartFile> files, Function<List<DocumentRef>, ResponseEntity<T>> step) {
        List<MultipartFile> uploads = Documents.chosen(files);
        if (uploads.isEmpty()) {
            return step.apply(List.of());
        }
        visible(appealId);
        documents.checkSizes(uploads, caseFileDocuments.totalSize(appealId), "files");
        List<DocumentRef> stored = documents.uploadAll(uploads, "files");
        return documents.committing(stored, () -> step.apply(stored));
    }

    /** A retry with the same {@code Idempotency-Key} must carry the same files: compared by name and SHA-256. */
    private static Object withFingerprints(Object request, List<DocumentRef> uploaded) {
        return uploaded.isEmpty()
                ? request
                : new WithDocuments(
                        request,
                        uploaded.stream().map(d -> d.name() + ":" + d.sha256()).toList());
    }

    private record WithDocuments(Object request, List<String> documents) {}

    /**
     * Whether the caller reads as the enterprise (only what is meant for it); 404 for anyone who may not read the case
     * file, and for another enterprise.
     */
    private boolean readable(UUID appealId) {
        Actor actor = Actor.require();
        if (!actor.is(Role.ENTERPRISE)) {
            visible(appealId);
            return false;
        }
        caseFiles
                .find(appealId)
                .filter(caseFile -> actor.enterpriseId() != null
                        && caseFileDocuments
                                .enterpriseOf(appealId)
                                .filter(actor.enterpriseId()::equals)
                                .isPresent())
                .orElseThrow(() ->
                        new NotFoundException("There is no case file of appeal " + appealId + " that you may see."));
        return true;
    }

    @PostMapping("/{appealId}/sign-off")
    ResponseEntity<CaseFileChanged> signOff(
            @PathVariable UUID appealId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.version(ifMatch);
        return changed(
                appealId,
                new SignOffCloseOutCommand(
                        CaseFile.idOf(appealId), version, caller(Actor.require(), appealId), Instant.now()));
    }

    private ResponseEntity<CaseFileChanged> changed(UUID appealId, Object command) {
        long version = commands.<Long>sendAndWait(command);
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new CaseFileChanged(appealId, version));
    }

    /**
     * A create inside the case file: its id is derived from the {@code Idempotency-Key} when one is given, and a retry
     * with the same key and body answers as the first did without changing anything again.
     *
     * <p>The key is reserved in the transaction of the command's events, so a concurrent retry waits on the key until
     * the first request commits (then the case file has the id, and answers the retry's command with its version and
     * no event) or is refused (then its rollback frees the key, and the retry is a first request). No retry is answered
     * before the create it acknowledges is committed.
     */
    private ResponseEntity<Created> create(
            UUID appealId, String kind, String idempotencyKey, Object request, Function<UUID, Object> command) {
        var created = creates.create(
                kind + ":" + appealId + ":" + Actor.require().subject(),
                kind,
                idempotencyKey,
                request,
                id -> commands.<Long>sendAndWait(command.apply(id)));
        return created.answer(location(appealId, kind, created.id()))
                .eTag(ETags.of(created.result()))
                .body(new Created(created.id(), appealId, created.result(), null));
    }

    private static URI location(UUID appealId, String kind, UUID id) {
        return URI.create("/api/resolution/case-files/" + appealId
                + (kind.equals("note") ? "/notes#" : "/extension-requests#") + id);
    }

    private Caller caller(Actor actor, UUID appealId) {
        boolean inCharge = actor.is(Role.LEADER)
                && caseFiles
                        .leaderInCharge(appealId)
                        .filter(actor.subject()::equals)
                        .isPresent();
        return new Caller(actor.subject(), actor.role(), actor.departmentId(), inCharge);
    }

    /** The case file, if the caller may see it; 404 otherwise, exactly as for one that does not exist. */
    private CaseFileView visible(UUID appealId) {
        Actor actor = Actor.require();
        return caseFiles
                .find(appealId)
                .filter(caseFile ->
                        !actor.is(Role.OFFICIAL) || caseFile.departmentId().equals(department(actor)))
                .orElseThrow(() ->
                        new NotFoundException("There is no case file of appeal " + appealId + " that you may see."));
    }

    private static String department(Actor actor) {
        return actor.departmentId() == null ? "" : actor.departmentId();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
