package cn.qinqing.appeals.appeal.web;

import cn.qinqing.appeals.appeal.command.FileAppealCommand;
import cn.qinqing.appeals.appeal.command.SupplementAppealCommand;
import cn.qinqing.appeals.appeal.command.WithdrawAppealCommand;
import cn.qinqing.appeals.appeal.query.AppealDocuments;
import cn.qinqing.appeals.appeal.query.AppealFilter;
import cn.qinqing.appeals.appeal.query.AppealView;
import cn.qinqing.appeals.appeal.query.Appeals;
import cn.qinqing.appeals.appeal.query.TimelineEntry;
import cn.qinqing.appeals.enterprise.query.Enterprises;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Role;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AttachmentRef;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.platform.documents.Documents;
import cn.qinqing.platform.domain.RuleViolation;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.ratelimit.RateLimiter;
import cn.qinqing.platform.readlog.RecordsRead;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Enterprises file and follow their appeals here. Writes answer after their events are committed; reads come from
 * the read model and say how fresh it is ({@link FreshReads}).
 */
@RestController
@Validated
@RequestMapping(path = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealController {

    private final CommandGateway commands;
    private final Appeals appeals;
    private final Enterprises enterprises;
    private final IdempotentCreates creates;
    private final FreshReads reads;
    private final RateLimiter filingLimit;
    private final Documents documents;
    private final AppealDocuments appealDocuments;

    AppealController(
            CommandGateway commands,
            Appeals appeals,
            Enterprises enterprises,
            IdempotentCreates creates,
            FreshReads reads,
            RateLimiter filingLimit,
            Documents documents,
            AppealDocuments appealDocuments) {
        this.documents = documents;
        this.appealDocuments = appealDocuments;
        this.commands = commands;
        this.appeals = appeals;
        this.enterprises = enterprises;
        this.creates = creates;
        this.reads = reads;
        this.filingLimit = filingLimit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppealFiled> file(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody FileAppealRequest request) {
        return file(idempotencyKey, request, List.of());
    }

    /**
     * The same filing with files uploaded beside it (multipart: the JSON part {@code appeal} and any number of
     * {@code files}). The files are checked and stored before the appeal is filed; if the filing fails, they are
     * removed again and no event names them (ADR 0009).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AppealFiled> fileWithDocuments(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestPart("appeal") FileAppealRequest request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        List<MultipartFile> uploads = Documents.chosen(files);
        if (uploads.isEmpty()) {
            return file(idempotencyKey, request, List.of());
        }
        requireRegistered(Actor.require());
        documents.checkSizes(uploads, 0, "files");
        List<DocumentRef> stored = documents.uploadAll(uploads, "files");
        return documents.committing(stored, () -> file(idempotencyKey, request, stored));
    }

    private ResponseEntity<AppealFiled> file(
            String idempotencyKey, FileAppealRequest request, List<DocumentRef> uploaded) {
        Actor actor = Actor.require();
        String enterprise = requireRegistered(actor);
        Instant filedAt = Instant.now();
        // the key and the AppealFiledEvent commit in one transaction; only a first request counts against the filing
        // limit, and refused, it rolls its key back with it
        var filed = creates.create(
                "appeal:" + enterprise + ":" + actor.subject(),
                "appeal",
                idempotencyKey,
                // a retry with the same key must carry the same files: compared by name and SHA-256
                uploaded.isEmpty() ? request : new FilingWithDocuments(request, fingerprints(uploaded)),
                () -> filingLimit.acquire(enterprise),
                id -> commands.sendAndWait(new FileAppealCommand(
                        id,
                        enterprise,
                        request.title(),
                        request.description(),
                        request.category(),
                        request.urgency(),
                        attachments(request.attachments()),
                        AppealSource.ONLINE,
                        null,
                        Boolean.TRUE.equals(request.manualDispatch()),
                        filedAt,
                        uploaded)));
        // the documents are recorded by an event of their own, right after the filing
        long version = uploaded.isEmpty() ? 0 : 1;
        return filed.answer(URI.create("/api/appeals/" + filed.id()))
                .eTag(ETags.of(version))
                .body(new AppealFiled(filed.id(), "FILED", version));
    }

    private record FilingWithDocuments(FileAppealRequest appeal, List<String> documents) {}

    private static List<String> fingerprints(List<DocumentRef> documents) {
        return documents.stream().map(d -> d.name() + ":" + d.sha256()).toList();
    }

    private String requireRegistered(Actor actor) {
        String enterprise = actor.enterpriseId();
        if (enterprise == null || !enterprises.isRegistered(enterprise)) {
            throw new RuleViolation(
                    "enterprise-not-registered",
                    "Register your enterprise before filing appeals (POST /api/appeals/enterprises).");
        }
        return enterprise;
    }

    @GetMapping("/{id}")
    @RecordsRead(value = "APPEAL", appeal = "id")
    ResponseEntity<AppealView> get(@PathVariable UUID id) {
        AppealView appeal = visible(id);
        return reads.ok(Appeals.PROCESSING_GROUP)
                .eTag(ETags.of(appeal.version()))
                .body(appeal);
    }

    @GetMapping
    ResponseEntity<Appeals.Page> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) AppealCategory category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant filedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant filedTo,
            @RequestParam(required = false)
                    @Pattern(regexp = "[A-Za-z0-9_-]{1,200}", message = "is not a cursor this API gave out")
                    String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (status != null && !AppealView.STATUSES.contains(status)) {
            // an unknown status would match nothing: say so, as a bad limit does, instead of an empty page
            throw new InvalidRequestException("status", "must be one of " + String.join(", ", AppealView.STATUSES));
        }
        Actor actor = Actor.require();
        AppealFilter filter = new AppealFilter(
                actor.is(Role.ENTERPRISE) ? actor.enterpriseId() : null,
                actor.is(Role.OFFICIAL) ? actor.departmentId() : null,
                status,
                category,
                filedFrom,
                filedTo);
        return reads.ok(Appeals.PROCESSING_GROUP).body(appeals.page(filter, cursor, limit));
    }

    @GetMapping("/{id}/timeline")
    @RecordsRead(value = "TIMELINE", appeal = "id")
    ResponseEntity<List<TimelineEntry>> timeline(@PathVariable UUID id) {
        visible(id);
        List<TimelineEntry> timeline = appeals.timeline(id);
        if (Actor.require().is(Role.ENTERPRISE)) {
            // the enterprise sees which department acted, never which official
            timeline = timeline.stream().map(TimelineEntry::withoutCityStaff).toList();
        }
        return reads.ok(Appeals.PROCESSING_GROUP).body(timeline);
    }

    @PostMapping(path = "/{id}/supplements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppealChanged> supplement(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SupplementRequest request) {
        return supplement(id, ETags.version(ifMatch), request, List.of());
    }

    /** The same supplement with files (multipart: the JSON part {@code supplement} and the {@code files}). */
    @PostMapping(path = "/{id}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AppealChanged> supplementWithDocuments(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestPart("supplement") SupplementRequest request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        long version = ETags.version(ifMatch);
        List<MultipartFile> uploads = Documents.chosen(files);
        if (uploads.isEmpty()) {
            return supplement(id, version, request, List.of());
        }
        ownAppeal(id);
        documents.checkSizes(uploads, appealDocuments.totalSize(id), "files");
        List<DocumentRef> stored = documents.uploadAll(uploads, "files");
        return documents.committing(stored, () -> supplement(id, version, request, stored));
    }

    private ResponseEntity<AppealChanged> supplement(
            UUID id, long version, SupplementRequest request, List<DocumentRef> uploaded) {
        commands.sendAndWait(new SupplementAppealCommand(
                id,
                version,
                Actor.require().enterpriseId(),
                request.text(),
                attachments(request.attachments()),
                Instant.now(),
                uploaded));
        return changed(id, version + (uploaded.isEmpty() ? 1 : 2));
    }

    /** The caller's own appeal, checked before anything is uploaded; another enterprise's is 404 as always. */
    private void ownAppeal(UUID id) {
        Actor actor = Actor.require();
        appeals.find(id)
                .filter(appeal -> appeal.enterpriseId().equals(actor.enterpriseId()))
                .orElseThrow(() -> new NotFoundException("There is no appeal " + id + " that you may see."));
    }

    /** The documents uploaded with the appeal, for whoever may read the appeal (another enterprise: 404). */
    @GetMapping("/{id}/documents")
    ResponseEntity<List<AppealDocuments.DocumentView>> documents(@PathVariable UUID id) {
        visible(id);
        return reads.ok(Appeals.PROCESSING_GROUP).body(appealDocuments.of(id));
    }

    /**
     * One document's bytes, with its detected type and its name (RFC 6266). Served only through this authenticated
     * API after the same check as the appeal's, so a link is worth nothing to anyone who may not read the appeal.
     */
    @GetMapping(path = "/{id}/documents/{documentId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        visible(id);
        AppealDocuments.DocumentView document = appealDocuments
                .find(id, documentId)
                .orElseThrow(() -> new NotFoundException("The appeal has no document " + documentId + "."));
        return documents.download(document.ref());
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppealChanged> withdraw(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody WithdrawalRequest request) {
        long version = ETags.version(ifMatch);
        commands.sendAndWait(new WithdrawAppealCommand(
                id, version, Actor.require().enterpriseId(), request.reason(), Instant.now()));
        return changed(id, version + 1);
    }

    private static ResponseEntity<AppealChanged> changed(UUID id, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new AppealChanged(id, version));
    }

    /** The appeal, if the caller may see it; 404 otherwise, exactly as for an appeal that does not exist. */
    private AppealView visible(UUID id) {
        Actor actor = Actor.require();
        return appeals.find(id)
                .filter(appeal -> switch (actor.role()) {
                    case ENTERPRISE -> appeal.enterpriseId().equals(actor.enterpriseId());
                    case OFFICIAL ->
                        actor.departmentId() != null && actor.departmentId().equals(appeal.holdingDepartment());
                    case DISPATCHER, LEADER, SUPERVISOR, ADMIN -> true;
                })
                .orElseThrow(() -> new NotFoundException("There is no appeal " + id + " that you may see."));
    }

    private static List<AttachmentRef> attachments(List<AttachmentRequest> requests) {
        return requests == null
                ? List.of()
                : requests.stream().map(AttachmentRequest::toRef).toList();
    }
}
