package cn.qinqing.oversight.chain;

import cn.qinqing.oversight.web.Answers;
import cn.qinqing.oversight.web.Callers;
import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.web.NotFoundException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The causal chain of an appeal (topic → meeting → decision → action item → appeal → case file → close-out) in one
 * answer, as of any instant. Who may read the appeal's timeline may read its chain; any other appeal is 404.
 */
@RestController
class ChainController {

    private final ChainQueries queries;
    private final Callers callers;

    ChainController(ChainQueries queries, Callers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @GetMapping("/api/oversight/appeals/{id}/chain")
    ResponseEntity<Object> chain(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        ChainView chain = queries.chain(id, Params.asOf(asOf), callers.scope())
                .orElseThrow(() -> new NotFoundException(
                        "There is no appeal " + id + " that you may see (as of the instant asked)."));
        return Answers.json(chain, chain.freshness());
    }
}
