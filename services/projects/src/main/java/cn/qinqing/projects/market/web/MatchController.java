package cn.qinqing.projects.market.web;

import cn.qinqing.language.market.MatchOutcome;
import cn.qinqing.language.market.ScorePart;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.projects.market.command.ConsentToMatchCommand;
import cn.qinqing.projects.market.command.DeclineMatchCommand;
import cn.qinqing.projects.market.command.Match;
import cn.qinqing.projects.market.command.ProposeMatchCommand;
import cn.qinqing.projects.market.command.RecordMatchOutcomeCommand;
import cn.qinqing.projects.market.query.Markets;
import cn.qinqing.projects.market.query.MatchScoring;
import cn.qinqing.projects.market.query.MatchView;
import cn.qinqing.projects.market.query.PostView;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Matches: a broker proposes one between a need and an offer (the explanation is computed here, from the posts as
 * published); each enterprise consents; the broker records the outcome. An enterprise sees the matches it is a side
 * of, the other side anonymous until both consented.
 */
@RestController
@Validated
@RequestMapping(path = "/api/markets/matches", produces = MediaType.APPLICATION_JSON_VALUE)
class MatchController {

    private final CommandGateway commands;
    private final Markets markets;
    private final MarketAccess access;
    private final FreshReads reads;

    MatchController(CommandGateway commands, Markets markets, MarketAccess access, FreshReads reads) {
        this.commands = commands;
        this.markets = markets;
        this.access = access;
        this.reads = reads;
    }

    /** Proposes to introduce a need's enterprise to an offer's; the same pair twice is a conflict (409). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Changed> propose(@Valid @RequestBody Requests.ProposeMatch request) {
        Optional<PostView> need = markets.post(request.needPostId(), null);
        Optional<PostView> offer = markets.post(request.offerPostId(), null);
        List<FieldError> errors = new ArrayList<>();
        if (need.isEmpty() || !need.get().open() || !"NEED".equals(need.get().kind())) {
            errors.add(new FieldError("needPostId", "must be a published, open need"));
        }
        if (offer.isEmpty()
                || !offer.get().open()
                || !"OFFER".equals(offer.get().kind())) {
            errors.add(new FieldError("offerPostId", "must be a published, open offer"));
        }
        if (errors.isEmpty() && need.get().enterpriseId().equals(offer.get().enterpriseId())) {
            errors.add(new FieldError("offerPostId", "must be another enterprise's offer than the need's"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID id = Match.idFor(request.needPostId(), request.offerPostId());
        List<ScorePart> explanation = MatchScoring.explain(need.get(), offer.get());
        commands.sendAndWait(new ProposeMatchCommand(
                id,
                MarketAccess.requester(Actor.require()),
                access.marketDepartment(),
                request.needPostId(),
                request.offerPostId(),
                need.get().enterpriseId(),
                offer.get().enterpriseId(),
                need.get().chainLink(),
                explanation,
                Instant.now()));
        return ResponseEntity.created(URI.create("/api/markets/matches/" + id))
                .eTag(ETags.of(0))
                .body(new Answers.Changed(id, 0));
    }

    @GetMapping
    ResponseEntity<List<MatchView>> list() {
        return reads.ok(Markets.PROCESSING_GROUP).body(markets.matches(MarketAccess.enterpriseScope(Actor.require())));
    }

    @GetMapping("/{id}")
    ResponseEntity<MatchView> get(@PathVariable UUID id) {
        MatchView match = access.match(id);
        return reads.ok(Markets.PROCESSING_GROUP)
                .eTag(ETags.of(match.version()))
                .body(match);
    }

    /** The caller's enterprise consents to be introduced; once both did, each sees the other's name. */
    @PostMapping("/{id}/consent")
    ResponseEntity<Answers.Changed> consent(@PathVariable UUID id) {
        Long version = commands.sendAndWait(
                new ConsentToMatchCommand(id, MarketAccess.requester(Actor.require()), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.Changed(id, version));
    }

    /** The caller's enterprise declines to be introduced, saying why; the match ends, neither side learns the other. */
    @PostMapping(path = "/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Changed> decline(@PathVariable UUID id, @Valid @RequestBody Requests.DeclineMatch request) {
        Long version = commands.sendAndWait(new DeclineMatchCommand(
                id, MarketAccess.requester(Actor.require()), request.reason().strip(), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.Changed(id, version));
    }

    /** The broker records how the match ended: MET, CONTRACT_SIGNED (with amountCny), NO_DEAL (with a reason). */
    @PostMapping(path = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Changed> outcome(@PathVariable UUID id, @Valid @RequestBody Requests.RecordOutcome request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.outcome() == MatchOutcome.CONTRACT_SIGNED
                && (request.amountCny() == null || request.amountCny().signum() <= 0)) {
            errors.add(new FieldError("amountCny", "must be more than zero yuan for a signed contract"));
        }
        if (request.outcome() == MatchOutcome.NO_DEAL
                && (request.reason() == null || request.reason().isBlank())) {
            errors.add(new FieldError("reason", "must say why there was no deal"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Long version = commands.sendAndWait(new RecordMatchOutcomeCommand(
                id,
                MarketAccess.requester(Actor.require()),
                access.marketDepartment(),
                request.outcome(),
                request.amountCny(),
                request.reason(),
                Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.Changed(id, version));
    }
}
