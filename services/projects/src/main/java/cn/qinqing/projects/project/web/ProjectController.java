package cn.qinqing.projects.project.web;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.UnifiedSocialCreditCode;
import cn.qinqing.language.project.Capacity;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import cn.qinqing.projects.project.command.KeyProject;
import cn.qinqing.projects.project.command.MilestoneDate;
import cn.qinqing.projects.project.command.NoteProgressCommand;
import cn.qinqing.projects.project.command.RaiseBlockerCommand;
import cn.qinqing.projects.project.command.RecordMilestoneCommand;
import cn.qinqing.projects.project.command.RegisterKeyProjectCommand;
import cn.qinqing.projects.project.query.BlockerView;
import cn.qinqing.projects.project.query.MilestoneView;
import cn.qinqing.projects.project.query.ProjectDetails;
import cn.qinqing.projects.project.query.ProjectView;
import cn.qinqing.projects.project.query.Projects;
import cn.qinqing.projects.project.query.SpeedView;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * Key projects: leaders and officials register them and record their milestones, progress and blockers; everyone
 * allowed reads them as of any day ({@code asOf}, default today). Writes answer after their events are committed,
 * with the project's new version as ETag; reads say how fresh they are ({@link FreshReads}).
 */
@RestController
@Validated
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectController {

    private final CommandGateway commands;
    private final Projects projects;
    private final ProjectAccess access;
    private final IdempotentCreates creates;
    private final FreshReads reads;

    ProjectController(
            CommandGateway commands,
            Projects projects,
            ProjectAccess access,
            IdempotentCreates creates,
            FreshReads reads) {
        this.commands = commands;
        this.projects = projects;
        this.access = access;
        this.creates = creates;
        this.reads = reads;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.ProjectChanged> register(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.RegisterProject request) {
        LocalDate today = ProjectAccess.today();
        List<FieldError> errors = new ArrayList<>();
        if (request.signedOn().isAfter(today)) {
            errors.add(new FieldError("signedOn", "must not lie in the future: a project is registered once signed"));
        }
        List<Milestone> expected = List.of(Milestone.values()).subList(1, Milestone.values().length);
        LocalDate previousPlanned = request.signedOn();
        LocalDate previousReached = request.signedOn();
        for (int i = 0; i < request.milestones().size(); i++) {
            Requests.PlannedMilestone milestone = request.milestones().get(i);
            String field = "milestones[" + i + "]";
            if (milestone.milestone() != expected.get(i)) {
                errors.add(new FieldError(field + ".milestone", "must be " + expected.get(i) + " (in order)"));
            }
            if (milestone.plannedOn().isBefore(request.signedOn())) {
                errors.add(new FieldError(field + ".plannedOn", "must not lie before the signing (signedOn)"));
            } else if (milestone.plannedOn().isBefore(previousPlanned)) {
                errors.add(new FieldError(field + ".plannedOn", "must not lie before the milestone it follows"));
            }
            previousPlanned = milestone.plannedOn();
            if (milestone.reachedOn() != null) {
                if (milestone.reachedOn().isBefore(request.signedOn())) {
                    errors.add(new FieldError(field + ".reachedOn", "must not lie before the signing (signedOn)"));
                } else if (previousReached == null) {
                    errors.add(
                            new FieldError(field + ".reachedOn", "must stay empty while the milestone before it is"));
                } else if (milestone.reachedOn().isBefore(previousReached)) {
                    errors.add(new FieldError(field + ".reachedOn", "must not lie before the milestone it follows"));
                } else if (milestone.reachedOn().isAfter(today)) {
                    errors.add(new FieldError(field + ".reachedOn", "must not lie in the future"));
                }
            }
            previousReached = milestone.reachedOn();
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Actor actor = Actor.require();
        var registered = creates.create(
                "project:" + actor.subject(),
                "project",
                idempotencyKey,
                request,
                id -> commands.sendAndWait(new RegisterKeyProjectCommand(
                        id,
                        ProjectAccess.requester(actor),
                        request.name(),
                        request.enterpriseIds(),
                        request.chainLink(),
                        request.investmentCny(),
                        new Capacity(
                                request.capacity().amount(), request.capacity().unit()),
                        request.site(),
                        request.leaderId(),
                        request.departmentId(),
                        request.signedOn(),
                        request.milestones().stream()
                                .map(m -> new MilestoneDate(m.milestone(), m.plannedOn(), m.reachedOn()))
                                .toList(),
                        today,
                        Instant.now())));
        long version =
                request.milestones().stream().filter(m -> m.reachedOn() != null).count();
        return registered
                .answer(URI.create("/api/projects/" + registered.id()))
                .eTag(ETags.of(version))
                .body(new Answers.ProjectChanged(registered.id(), version));
    }

    /**
     * The projects signed by {@code asOf}; an enterprise sees those it invests in. {@code enterpriseId} narrows the
     * list to the projects that enterprise invests in (a liaison leader's page asks so for each of their enterprises);
     * it never widens what the caller may see: an enterprise asking for another's gets an empty list.
     */
    @GetMapping
    ResponseEntity<List<ProjectView>> list(
            @RequestParam(required = false) ChainLink chainLink,
            @RequestParam(required = false) Milestone status,
            @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Actor actor = Actor.require();
        LocalDate day = asOf == null ? ProjectAccess.today() : asOf;
        return reads.ok(Projects.PROCESSING_GROUP)
                .body(projects.list(
                        ProjectAccess.enterpriseScope(actor), investor(enterpriseId), chainLink, status, day));
    }

    /** The enterprise a list is narrowed to: a Unified Social Credit Code, or none. */
    private static String investor(String enterpriseId) {
        if (enterpriseId == null || enterpriseId.isBlank()) {
            return null;
        }
        if (!UnifiedSocialCreditCode.isValid(enterpriseId.trim())) {
            throw new InvalidRequestException("enterpriseId", UnifiedSocialCreditCode.problemWith(enterpriseId.trim()));
        }
        return enterpriseId.trim();
    }

    /** The project list as CSV, for the same callers and filters. */
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) ChainLink chainLink,
            @RequestParam(required = false) Milestone status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Actor actor = Actor.require();
        LocalDate day = asOf == null ? ProjectAccess.today() : asOf;
        List<ProjectView> list = projects.list(ProjectAccess.enterpriseScope(actor), null, chainLink, status, day);
        return reads.ok(Projects.PROCESSING_GROUP)
                .contentType(ProjectsCsv.TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"projects-" + day + ".csv\"")
                .body(ProjectsCsv.write(list));
    }

    /** "Baotou speed" (包头速度): days from signing to construction and to commissioning, on-schedule rates. */
    @GetMapping("/speed")
    ResponseEntity<SpeedView> speed(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reads.ok(Projects.PROCESSING_GROUP).body(projects.speed(asOf == null ? ProjectAccess.today() : asOf));
    }

    /** The blocker an appeal was raised as, with its project: the way back from the appeal to the project. */
    @GetMapping("/blockers/by-appeal/{appealId}")
    ResponseEntity<BlockerView> blockerOfAppeal(@PathVariable UUID appealId) {
        return reads.ok(Projects.PROCESSING_GROUP)
                .body(projects.blockerOfAppeal(appealId, ProjectAccess.enterpriseScope(Actor.require()))
                        .orElseThrow(() -> new NotFoundException(
                                "No key project that you may see raised appeal " + appealId + " as a blocker.")));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProjectDetails> get(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ProjectDetails details = access.visible(id, asOf == null ? ProjectAccess.today() : asOf);
        return reads.ok(Projects.PROCESSING_GROUP)
                .eTag(ETags.of(details.project().version()))
                .body(details);
    }

    /** Records a milestone as reached. {@code If-Match} is optional: with it, a stale version answers 409. */
    @PostMapping(path = "/{id}/milestones", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.ProjectChanged> recordMilestone(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.RecordMilestone request) {
        Long expected = ifMatch == null ? null : ETags.version(ifMatch);
        ProjectDetails project = access.visible(id, ProjectAccess.latest());
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = ProjectAccess.today();
        if (request.milestone() == Milestone.SIGNED) {
            errors.add(new FieldError("milestone", "must be a milestone after the signing"));
        }
        if (request.reachedOn().isBefore(project.project().signedOn())) {
            errors.add(new FieldError(
                    "reachedOn",
                    "must not lie before the signing on " + project.project().signedOn()));
        } else if (request.reachedOn().isAfter(today)) {
            errors.add(new FieldError("reachedOn", "must not lie in the future"));
        } else if (request.milestone() != Milestone.SIGNED) {
            MilestoneView previous =
                    project.milestones().get(request.milestone().ordinal() - 1);
            if (previous.reachedOn() != null && request.reachedOn().isBefore(previous.reachedOn())) {
                errors.add(new FieldError(
                        "reachedOn",
                        "must not lie before " + previous.milestone() + " (reached on " + previous.reachedOn() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Long version = commands.sendAndWait(new RecordMilestoneCommand(
                id,
                expected,
                ProjectAccess.requester(Actor.require()),
                request.milestone(),
                request.reachedOn(),
                request.note(),
                today,
                Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.ProjectChanged(id, version));
    }

    @PostMapping(path = "/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.ProjectChanged> noteProgress(
            @PathVariable UUID id, @Valid @RequestBody Requests.NoteProgress request) {
        access.visible(id, ProjectAccess.latest());
        Long version = commands.sendAndWait(
                new NoteProgressCommand(id, ProjectAccess.requester(Actor.require()), request.note(), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.ProjectChanged(id, version));
    }

    /** Raises a blocker; it becomes an appeal (its id is in the answer) with the project's leader in charge. */
    @PostMapping(path = "/{id}/blockers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.BlockerRaised> raiseBlocker(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.RaiseBlocker request) {
        ProjectDetails project = access.visible(id, ProjectAccess.latest());
        if (request.enterpriseId() != null && !project.project().enterpriseIds().contains(request.enterpriseId())) {
            throw new InvalidRequestException("enterpriseId", "must be an enterprise investing in the project");
        }
        Actor actor = Actor.require();
        var raised = creates.create(
                "blocker:" + id + ":" + actor.subject(),
                "project-blocker",
                idempotencyKey,
                request,
                blockerId -> commands.<Long>sendAndWait(new RaiseBlockerCommand(
                        id,
                        blockerId,
                        ProjectAccess.requester(actor),
                        request.enterpriseId(),
                        request.title(),
                        request.description(),
                        request.category(),
                        request.urgency(),
                        Instant.now())));
        return raised.answer(URI.create("/api/projects/" + id + "/blockers/" + raised.id()))
                .eTag(ETags.of(raised.result()))
                .body(new Answers.BlockerRaised(raised.id(), id, KeyProject.appealFor(raised.id()), raised.result()));
    }
}
