package cn.qinqing.oversight.whatif;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
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
 * What-if replay (issue #22): a supervisor or admin asks how a period's KPIs, overdue list and ranking would have
 * looked under other SLA tiers, another working calendar or another routing catalogue. {@code POST} queues a run (202 with its location),
 * {@code GET} shows its progress and, once done, the answer. Method and limits: {@code docs/kpis.md}, "What if".
 */
@RestController
@RequestMapping(path = "/api/oversight/what-if", produces = MediaType.APPLICATION_JSON_VALUE)
class WhatIfController {

    /** The longest period a run may replay, in months. */
    static final int MAX_MONTHS = 12;

    /**
     * A run to queue.
     *
     * @param from the period's first month, {@code yyyy-MM}
     * @param to the period's last month, included
     */
    record Request(String from, String to, Proposal proposal) {}

    /** A run as the API shows it. */
    record JobView(
            UUID jobId,
            String state,
            String requestedBy,
            Instant requestedAt,
            String from,
            String to,
            Proposal proposal,
            Progress progress,
            Instant startedAt,
            Instant finishedAt,
            JsonNode result,
            String error) {

        static JobView of(WhatIfJobs.Job job) {
            return new JobView(
                    job.jobId(),
                    job.state(),
                    job.requestedBy(),
                    job.requestedAt(),
                    job.from().toString(),
                    job.to().toString(),
                    job.proposal(),
                    Progress.of(job),
                    job.startedAt(),
                    job.finishedAt(),
                    job.result(),
                    job.error());
        }
    }

    /** @param percent 0–100; 100 once done */
    record Progress(long done, Long total, int percent) {
        static Progress of(WhatIfJobs.Job job) {
            int percent = "DONE".equals(job.state())
                    ? 100
                    : job.total() == null || job.total() == 0 ? 0 : (int) Math.min(99, job.done() * 100 / job.total());
            return new Progress(job.done(), job.total(), percent);
        }
    }

    private final WhatIfJobs jobs;
    private final ObjectProvider<WhatIfRunner> runner;
    private final IdempotencyKeys idempotencyKeys;
    private final ObjectMapper mapper;
    private final Directory directory;

    WhatIfController(
            WhatIfJobs jobs,
            ObjectProvider<WhatIfRunner> runner,
            IdempotencyKeys idempotencyKeys,
            ObjectMapper mapper,
            Directory directory) {
        this.directory = directory;
        this.jobs = jobs;
        this.runner = runner;
        this.idempotencyKeys = idempotencyKeys;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> start(
            @RequestBody Request request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        Actor actor = Actor.require();
        List<FieldError> problems = new ArrayList<>();
        YearMonth from = month(request.from(), "from", problems);
        YearMonth to = month(request.to(), "to", problems);
        YearMonth now = YearMonth.now(WorkingCalendar.ZONE);
        if (from != null && from.isAfter(now)) {
            problems.add(new FieldError("from", "must not be in the future"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new FieldError("to", "must not be before from"));
            } else if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
                problems.add(new FieldError("to", "must lie within " + MAX_MONTHS + " months of from"));
            }
        }
        Proposal proposal = request.proposal();
        if (proposal == null || !proposal.proposesSomething()) {
            problems.add(new FieldError("proposal", "must propose SLA tiers, calendar years or routing rules"));
        } else {
            problems.addAll(proposal.problems());
            DirectorySnapshot known = directory.snapshot();
            for (int i = 0; i < proposal.routing().size(); i++) {
                Proposal.Route rule = proposal.routing().get(i);
                if (rule != null
                        && rule.departmentId() != null
                        && known.department(rule.departmentId()).isEmpty()) {
                    problems.add(new FieldError(
                            "proposal.routing[" + i + "].departmentId", "is not a department of the directory"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            var reservation = idempotencyKeys.reserve(
                    "what-if:" + actor.subject(), idempotencyKey, canonical(request), id.toString());
            if (!reservation.first()) {
                UUID first = UUID.fromString(reservation.resourceId());
                return answer(HttpStatus.OK, jobs.find(first).orElseThrow());
            }
        }
        jobs.queue(id, actor.subject(), from, to, proposal);
        runner.ifAvailable(WhatIfRunner::poll);
        return answer(HttpStatus.ACCEPTED, jobs.find(id).orElseThrow());
    }

    @GetMapping("/{job}")
    ResponseEntity<JobView> job(@PathVariable String job) {
        Optional<WhatIfJobs.Job> found;
        try {
            found = jobs.find(UUID.fromString(job));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        return ResponseEntity.ok(
                JobView.of(found.orElseThrow(() -> new NotFoundException("There is no what-if run " + job + "."))));
    }

    private ResponseEntity<JobView> answer(HttpStatus status, WhatIfJobs.Job job) {
        return ResponseEntity.status(status)
                .location(URI.create("/api/oversight/what-if/" + job.jobId()))
                .body(JobView.of(job));
    }

    private byte[] canonical(Request request) {
        try {
            return mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static YearMonth month(String text, String field, List<FieldError> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldError(field, "must be a month such as 2025-10"));
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", text, 0);
            }
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "must be a month such as 2025-10"));
            return null;
        }
    }
}
