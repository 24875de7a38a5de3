package cn.qinqing.projects.chain;

import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.projects.project.query.Projects;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain view (产业链) for leaders, supervisors, dispatchers and admins: every link of the chain with its
 * enterprises, key projects, open appeals and blockers, and open needs and offers, as of a day (default today). The
 * read says how fresh the enterprises and appeals are ({@link FreshReads}, the chain's own processing group).
 */
@RestController
class ChainController {

    private final Chain chain;
    private final FreshReads reads;

    ChainController(Chain chain, FreshReads reads) {
        this.chain = chain;
        this.reads = reads;
    }

    @GetMapping(path = "/api/projects/chain", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChainView> chain(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reads.ok(ChainProjection.GROUP).body(chain.asOf(asOf == null ? LocalDate.now(Projects.CITY) : asOf));
    }
}
