package cn.qinqing.oversight.ranking;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.domain.RuleViolation;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import java.net.URI;
import java.time.YearMonth;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Freezes an ended month's ranking as reported, now (ADMIN): for a demonstration, or for an operator who cannot wait
 * for the schedule. The ranking is the one the month's end would have frozen: only what was recorded by then. A
 * report is frozen once: a second freeze of the month is refused (409), unless it is a retry of the same request
 * (same {@code Idempotency-Key}), which gets the ranking again.
 */
@RestController
class RankingFreezeController {

    private final Rankings rankings;
    private final ReadModels readModels;
    private final IdempotencyKeys idempotencyKeys;

    RankingFreezeController(Rankings rankings, ReadModels readModels, IdempotencyKeys idempotencyKeys) {
        this.rankings = rankings;
        this.readModels = readModels;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping(path = "/api/oversight/admin/rankings/{month}/freeze", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Ranking> freeze(
            @PathVariable String month,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        Actor actor = Actor.require();
        YearMonth asked = Params.requiredMonth(month);
        if (!asked.isBefore(YearMonth.now(WorkingCalendar.ZONE))) {
            throw new InvalidRequestException("month", "must be a month that has ended");
        }
        boolean retry = false;
        if (idempotencyKey != null) {
            retry = !idempotencyKeys
                    .reserve(
                            "ranking-freeze:" + actor.subject(),
                            idempotencyKey,
                            IdempotencyKeys.bytes(asked.toString()),
                            asked.toString())
                    .first();
        }
        Rankings.FreezeOutcome outcome = rankings.freezeMonth(asked, actor.subject());
        if (outcome == Rankings.FreezeOutcome.NOT_READY) {
            Freshness freshness = readModels.freshness();
            throw new RuleViolation(
                    "read-models-behind",
                    "The read models are " + (freshness.replaying() ? "being rebuilt" : "catching up") + " (position "
                            + freshness.position() + " of " + freshness.head() + "); a ranking frozen now would"
                            + " report numbers nobody ever had. Try again once they have caught up.");
        }
        if (outcome == Rankings.FreezeOutcome.ALREADY_FROZEN && !retry) {
            var record = rankings.freezeRecord(asked).orElseThrow();
            throw new RuleViolation(
                    "already-frozen",
                    "The ranking of " + asked + " was frozen at " + record.get("frozen_at") + " by "
                            + record.get("frozen_by") + ". A ranking as reported is a record: it is frozen once and"
                            + " never again; GET /api/oversight/rankings/" + asked + " shows it beside the"
                            + " recomputed one.");
        }
        Ranking frozen = rankings.reported(asked).orElseThrow();
        return ResponseEntity.status(outcome == Rankings.FreezeOutcome.FROZEN ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/oversight/rankings/" + asked))
                .header(FreshReads.HEADER, readModels.freshness().header())
                .header(IdempotentCreates.REPLAYED, Boolean.toString(outcome != Rankings.FreezeOutcome.FROZEN))
                .body(frozen);
    }
}
