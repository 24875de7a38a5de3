package cn.qinqing.oversight.followup;

import cn.qinqing.oversight.followup.FollowUpQueries.ActionItemView;
import cn.qinqing.oversight.reading.Scope;
import cn.qinqing.oversight.web.Answers;
import cn.qinqing.oversight.web.Callers;
import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.readlog.RecordsRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Breakfast-meeting follow-up (督办事项): the action items, and the share closed on time. */
@RestController
@Validated
@RequestMapping("/api/oversight/meetings")
class MeetingFollowUpController {

    private final FollowUpQueries queries;
    private final Callers callers;

    MeetingFollowUpController(FollowUpQueries queries, Callers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @GetMapping({"/follow-up", "/follow-up.csv"})
    @RecordsRead("MEETING_FOLLOW_UP")
    ResponseEntity<Object> followUp(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) @Pattern(regexp = Params.ID, message = "is not a department id")
                    String department,
            @RequestParam(required = false) @Pattern(regexp = Params.ID, message = "is not a leader id") String leader,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            HttpServletRequest request) {
        Scope scope = callers.scope();
        if (department != null && !scope.coversDepartment(department)) {
            throw Callers.outsideChain("Department " + department + " is not in your chain of command.");
        }
        if (leader != null && !scope.coversLeader(leader)) {
            throw Callers.outsideChain("Leader " + leader + " is not in your chain of command.");
        }
        var followUp = queries.followUp(Params.month(month), department, leader, Params.asOf(asOf), scope);
        if (!Answers.wantsCsv(request)) {
            return Answers.json(followUp, followUp.freshness());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ActionItemView item : followUp.items()) {
            rows.add(Arrays.asList(
                    item.meetingId(),
                    item.actionItemId(),
                    item.appealId(),
                    item.title(),
                    item.departmentId(),
                    item.departmentName(),
                    item.responsibleLeaderId(),
                    item.dueOn(),
                    item.closedAt(),
                    item.status(),
                    item.countedIn()));
        }
        return Answers.csv(
                "meeting-follow-up",
                List.of(
                        "meetingId",
                        "actionItemId",
                        "appealId",
                        "title",
                        "departmentId",
                        "department",
                        "responsibleLeaderId",
                        "dueOn",
                        "closedAt",
                        "status",
                        "countedIn"),
                rows,
                followUp.freshness());
    }
}
