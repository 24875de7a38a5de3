package cn.qinqing.oversight.liaison;

import cn.qinqing.language.Role;
import cn.qinqing.oversight.liaison.LiaisonQueries.LiaisonAppeal;
import cn.qinqing.oversight.web.Answers;
import cn.qinqing.oversight.web.Callers;
import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.readlog.RecordsRead;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.InvalidRequestException;
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

/**
 * The liaison leader's view (包联): every appeal of the enterprises they look after and (JSON only) the breakfast
 * meetings each was invited to or attended. A leader sees their own; supervisors and admins name the leader.
 */
@RestController
@Validated
@RequestMapping("/api/oversight/liaison")
class LiaisonController {

    private final LiaisonQueries queries;

    LiaisonController(LiaisonQueries queries) {
        this.queries = queries;
    }

    @GetMapping({"/appeals", "/appeals.csv"})
    @RecordsRead("LIAISON_APPEALS")
    ResponseEntity<Object> appeals(
            @RequestParam(required = false) @Pattern(regexp = Params.ID, message = "is not a leader id") String leader,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            HttpServletRequest request) {
        Actor actor = Actor.require();
        String whose = leader;
        if (actor.is(Role.LEADER)) {
            if (leader != null && !leader.equals(actor.subject())) {
                throw Callers.outsideChain("A leader sees the enterprises they look after themselves.");
            }
            whose = actor.subject();
        } else if (whose == null) {
            throw new InvalidRequestException("leader", "must name the liaison leader whose enterprises to show");
        }
        var view = queries.liaison(whose, Params.asOf(asOf));
        if (!Answers.wantsCsv(request)) {
            return Answers.json(view, view.freshness());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (LiaisonAppeal appeal : view.appeals()) {
            rows.add(Arrays.asList(
                    appeal.appealId(),
                    appeal.enterpriseId(),
                    appeal.enterpriseName(),
                    appeal.keyEnterprise(),
                    appeal.title(),
                    appeal.category(),
                    appeal.status(),
                    appeal.holder() == null ? null : appeal.holder().name(),
                    appeal.filedAt(),
                    appeal.resolutionDue(),
                    String.join(" ", appeal.overdue())));
        }
        return Answers.csv(
                "liaison-" + whose,
                List.of(
                        "appealId",
                        "enterpriseId",
                        "enterprise",
                        "keyEnterprise",
                        "title",
                        "category",
                        "status",
                        "holder",
                        "filedAt",
                        "resolutionDue",
                        "overdue"),
                rows,
                view.freshness());
    }
}
