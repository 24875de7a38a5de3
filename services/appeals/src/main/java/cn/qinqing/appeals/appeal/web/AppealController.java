package cn.qinqing.appeals.appeal.web;

import cn.qinqing.appeals.appeal.command.FileAppealCommand;
import cn.qinqing.appeals.appeal.command.SupplementAppealCommand;
import cn.qinqing.appeals.appeal.command.WithdrawAppealCommand;
import cn.qinqing.appeals.appeal.query.AppealFilter;
import cn.qinqing.appeals.appeal.query.AppealView;
import cn.qinqing.appeals.appeal.query.Appeals;
import cn.qinqing.appeals.appeal.query.TimelineEntry;
import cn.qinqing.appeals.enterprise.query.Enterprises;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Role;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AttachmentRef;
import cn.qinqing.platform.domain.RuleViolation;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.messaging.ProcessorPositions;
import cn.qinqing.platform.ratelimit.RateLimiter;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Enterprises file and follow their appeals here. Writes answer after their events are committed; reads come from
 * the read model and say how fresh it is in {@code X-Read-Model-Position} ({@code <handled>/<head of the store>}).
 */
@RestController
@Validated
@RequestMapping(path = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealController {

    static final String FRESHNESS = "X-Read-Model-Position";

    private final CommandGateway commands;
    private final Appeals appeals;
    private final Enterprises enterprises;
    private final IdempotencyKeys idempotencyKeys;
    private final ProcessorPositions positions;
    private final ObjectMapper mapper;
    private final RateLimiter filingLimit;

    AppealController(
            CommandGateway commands,
            Appeals appeals,
            Enterprises enterprises,
            IdempotencyKeys idempotencyKeys,
            ProcessorPositions positions,
            ObjectMapper mapper,
            RateLimiter filingLimit) {
        this.commands = commands;
        this.appeals = appeals;
        this.enterprises = enterprises;
        this.idempotencyKeys = idempotencyKeys;
        this.positions = positions;
        this.mapper = mapper;
        this.filingLimit = filingLimit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppealFiled> file(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody FileAppealRequest request) {
        Actor actor = Actor.require();
        String enterprise = actor.enterpriseId();
        if (enterprise == null || !enterprises.isRegistered(enterprise)) {
            throw new RuleViolation(
                    "enterprise-not-registered",
                    "Register your enterprise before filing appeals (POST /api/appeals/enterprises).");
        }
        Instant filedAt = Instant.now();
        Consumer<UUID> file = id -> commands.sendAndWait(new FileAppealCommand(
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
                filedAt));
        String scope = "appeal:" + enterprise + ":" + actor.subject();
        // the id is derived from the key, so a retry and its twin address the same aggregate
        UUID id = idempotencyKey == null ? UUID.randomUUID() : Ids.derive("appeal", scope, idempotencyKey);
        boolean replayed = false;
        try {
            if (idempotencyKey != null) {
                // the key and the AppealFiledEvent commit in one transaction
                // only a first request counts against the filing limit; refused, it rolls its key back with it
                var reservation = idempotencyKeys.reserveAndCreate(
                        scope,
                        idempotencyKey,
                        canonical(request),
                        id.toString(),
                        () -> filingLimit.acquire(enterprise),
                        resourceId -> file.accept(UUID.fromString(resourceId)));
                id = UUID.fromString(reservation.resourceId());
                replayed = !reservation.first();
            } else {
                filingLimit.acquire(enterprise);
                file.accept(id);
            }
        } catch (AggregateStreamCreationException alreadyFiled) {
            if (idempotencyKey == null) {
                throw alreadyFiled;
            }
            // a retry, or its twin running at the same moment: the event store already holds this appeal, committed
            replayed = true;
        }
        return ResponseEntity.created(URI.create("/api/appeals/" + id))
                .eTag(ETags.of(0))
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .body(new AppealFiled(id, "FILED", 0));
    }

    @GetMapping("/{id}")
    ResponseEntity<AppealView> get(@PathVariable UUID id) {
        AppealView appeal = visible(id);
        return ResponseEntity.ok()
                .eTag(ETags.of(appeal.version()))
                .header(FRESHNESS, positions.describe(Appeals.PROCESSING_GROUP))
                .body(appeal);
    }

    @GetMapping
    ResponseEntity<Appeals.Page> list(
            @RequestParam(required = false)
                    @Pattern(regexp = "[A-Z_]{1,32}", message = "must be a status such as FILED")
                    String status,
            @RequestParam(required = false) AppealCategory category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant filedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant filedTo,
            @RequestParam(required = false)
                    @Pattern(regexp = "[A-Za-z0-9_-]{1,200}", message = "is not a cursor this API gave out")
                    String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        Actor actor = Actor.require();
        AppealFilter filter = new AppealFilter(
                actor.is(Role.ENTERPRISE) ? actor.enterpriseId() : null,
                actor.is(Role.OFFICIAL) ? actor.departmentId() : null,
                status,
                category,
                filedFrom,
                filedTo);
        return ResponseEntity.ok()
                .header(FRESHNESS, positions.describe(Appeals.PROCESSING_GROUP))
                .body(appeals.page(filter, cursor, limit));
    }

    @GetMapping("/{id}/timeline")
    ResponseEntity<List<TimelineEntry>> timeline(@PathVariable UUID id) {
        visible(id);
        List<TimelineEntry> timeline = appeals.timeline(id);
        if (Actor.require().is(Role.ENTERPRISE)) {
            // the enterprise sees which department acted, never which official
            timeline = timeline.stream().map(TimelineEntry::withoutCityStaff).toList();
        }
        return ResponseEntity.ok()
                .header(FRESHNESS, positions.describe(Appeals.PROCESSING_GROUP))
                .body(timeline);
    }

    @PostMapping(path = "/{id}/supplements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppealChanged> supplement(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SupplementRequest request) {
        long version = ETags.version(ifMatch);
        commands.sendAndWait(new SupplementAppealCommand(
                id,
                version,
                Actor.require().enterpriseId(),
                request.text(),
                attachments(request.attachments()),
                Instant.now()));
        return changed(id, version + 1);
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

    private byte[] canonical(FileAppealRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
