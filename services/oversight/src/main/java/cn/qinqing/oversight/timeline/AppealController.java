package cn.qinqing.oversight.timeline;

import cn.qinqing.oversight.timeline.TimelineViews.Timeline;
import cn.qinqing.oversight.timeline.TimelineViews.TimelineStep;
import cn.qinqing.oversight.web.Answers;
import cn.qinqing.oversight.web.Callers;
import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.readlog.RecordsRead;
import cn.qinqing.platform.web.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An appeal as supervisors see it: where it stands and its full timeline across every service, with the working time
 * each holder had it, now or as of any past instant ({@code ?asOf=}).
 *
 * <p>Not {@code @Validated}: Spring MVC checks the as-seen view's constrained parameters itself (a 400 naming the
 * parameter, {@code ProblemDetailsAdvice}), and the timeline, the most frequent read, is not sent through a
 * method-validation proxy on every call.
 */
@RestController
@RequestMapping("/api/oversight/appeals")
class AppealController {

    private final TimelineQueries queries;
    private final AsSeenQueries asSeen;
    private final Callers callers;
    private final ObjectMapper mapper;

    AppealController(TimelineQueries queries, AsSeenQueries asSeen, Callers callers, ObjectMapper mapper) {
        this.queries = queries;
        this.asSeen = asSeen;
        this.callers = callers;
        this.mapper = mapper;
    }

    @GetMapping("/{id}")
    @RecordsRead(value = "APPEAL", appeal = "id")
    ResponseEntity<Object> state(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        var state = queries.state(id, Params.asOf(asOf), callers.scope()).orElseThrow(() -> notFound(id));
        return Answers.json(state, state.freshness());
    }

    @GetMapping({"/{id}/timeline", "/{id}/timeline.csv"})
    @RecordsRead(value = "TIMELINE", appeal = "id")
    ResponseEntity<Object> timeline(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            HttpServletRequest request) {
        Timeline timeline =
                queries.timeline(id, Params.asOf(asOf), callers.scope()).orElseThrow(() -> notFound(id));
        if (!Answers.wantsCsv(request)) {
            return Answers.json(timeline, timeline.freshness());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TimelineStep step : timeline.steps()) {
            rows.add(Arrays.asList(
                    step.position(),
                    step.at(),
                    step.recordedAt(),
                    step.type(),
                    step.actor(),
                    step.role(),
                    step.departmentId(),
                    step.leaderId(),
                    step.holderAfter() == null ? null : step.holderAfter().kind(),
                    step.holderAfter() == null ? null : step.holderAfter().name(),
                    step.statusAfter(),
                    step.correlationId(),
                    step.causationId(),
                    json(step.details())));
        }
        return Answers.csv(
                "timeline-" + id,
                List.of(
                        "position",
                        "at",
                        "recordedAt",
                        "type",
                        "actor",
                        "role",
                        "departmentId",
                        "leaderId",
                        "holderKind",
                        "holder",
                        "status",
                        "correlationId",
                        "causationId",
                        "details"),
                rows,
                timeline.freshness());
    }

    /**
     * The appeal as an enterprise, an official of a department or a leader saw it at {@code asOf} (issue 22), for
     * supervisors.
     */
    @GetMapping("/{id}/as-seen")
    @RecordsRead(value = "AS_SEEN", appeal = "id")
    ResponseEntity<Object> asSeen(
            @PathVariable UUID id,
            @RequestParam AsSeenQueries.Viewer viewer,
            @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = Params.ID)
                    String department,
            @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = Params.ID) String leader,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (viewer == AsSeenQueries.Viewer.OFFICIAL && department == null) {
            throw new cn.qinqing.platform.web.InvalidRequestException("department", "name the official's department");
        }
        if (viewer == AsSeenQueries.Viewer.LEADER && leader == null) {
            throw new cn.qinqing.platform.web.InvalidRequestException("leader", "name the leader");
        }
        var seen =
                asSeen.asSeen(id, Params.asOf(asOf), viewer, department, leader).orElseThrow(() -> notFound(id));
        return Answers.json(seen, seen.freshness());
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no appeal " + id + " that you may see (as of the instant asked).");
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
