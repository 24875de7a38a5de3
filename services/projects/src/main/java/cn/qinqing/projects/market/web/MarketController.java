package cn.qinqing.projects.market.web;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.market.PostKind;
import cn.qinqing.language.project.Capacity;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.projects.market.command.ClosePostCommand;
import cn.qinqing.projects.market.command.DraftPostCommand;
import cn.qinqing.projects.market.command.Post;
import cn.qinqing.projects.market.command.PublishPostCommand;
import cn.qinqing.projects.market.command.ReferNeedToMeetingCommand;
import cn.qinqing.projects.market.query.CandidateView;
import cn.qinqing.projects.market.query.FiguresView;
import cn.qinqing.projects.market.query.Markets;
import cn.qinqing.projects.market.query.PostView;
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
 * The market's posts (找市场、找订单): an enterprise drafts, publishes and closes its offers and needs, and refers a need
 * local supply cannot serve to the next breakfast meeting; brokers read the published posts and each post's ranked
 * candidates with the parts of their scores; the figures. Writes answer once their events are committed.
 */
@RestController
@Validated
@RequestMapping(path = "/api/markets", produces = MediaType.APPLICATION_JSON_VALUE)
class MarketController {

    private final CommandGateway commands;
    private final Markets markets;
    private final MarketAccess access;
    private final IdempotentCreates creates;
    private final FreshReads reads;

    MarketController(
            CommandGateway commands,
            Markets markets,
            MarketAccess access,
            IdempotentCreates creates,
            FreshReads reads) {
        this.commands = commands;
        this.markets = markets;
        this.access = access;
        this.creates = creates;
        this.reads = reads;
    }

    /** Drafts an offer or a need for the caller's own enterprise. */
    @PostMapping(path = "/posts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answers.Changed> draft(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Requests.DraftPost request) {
        Actor actor = Actor.require();
        List<FieldError> errors = new ArrayList<>();
        if (actor.enterpriseId() == null) {
            errors.add(new FieldError("enterpriseId", "is not in your token: sign in as a user of an enterprise"));
        } else if (request.enterpriseId() != null && !request.enterpriseId().equals(actor.enterpriseId())) {
            errors.add(new FieldError("enterpriseId", "must be your own enterprise (" + actor.enterpriseId() + ")"));
        }
        if (request.kind() == PostKind.NEED && request.needType() == null) {
            errors.add(
                    new FieldError("needType", "must say what the need asks for (SUPPLY, BUYER, LOGISTICS, PARTNER)"));
        }
        if (request.kind() == PostKind.OFFER && request.needType() != null) {
            errors.add(new FieldError("needType", "must stay empty for an offer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var drafted = creates.create(
                "market-post:" + actor.subject(),
                "market-post",
                idempotencyKey,
                request,
                id -> commands.sendAndWait(new DraftPostCommand(
                        id,
                        MarketAccess.requester(actor),
                        actor.enterpriseId(),
                        request.kind(),
                        request.needType(),
                        request.product(),
                        request.chainLink(),
                        new Capacity(
                                request.quantity().amount(), request.quantity().unit()),
                        request.deliveryTerms(),
                        request.description(),
                        Instant.now())));
        return drafted.answer(URI.create("/api/markets/posts/" + drafted.id()))
                .eTag(ETags.of(0))
                .body(new Answers.Changed(drafted.id(), 0));
    }

    /**
     * Posts, newest first: an enterprise its own (drafts included); everyone else the published and closed ones. The
     * filters narrow by kind (OFFER, NEED), status (DRAFT, PUBLISHED, CLOSED), link and posting enterprise.
     */
    @GetMapping("/posts")
    ResponseEntity<List<PostView>> posts(
            @RequestParam(required = false) PostKind kind,
            @RequestParam(required = false) PostStatus status,
            @RequestParam(required = false) ChainLink chainLink,
            @RequestParam(required = false) String enterpriseId) {
        return reads.ok(Markets.PROCESSING_GROUP)
                .body(markets.posts(
                        MarketAccess.enterpriseScope(Actor.require()),
                        kind == null ? null : kind.name(),
                        status == null ? null : status.name(),
                        chainLink,
                        enterpriseId));
    }

    @GetMapping("/posts/{id}")
    ResponseEntity<PostView> post(@PathVariable UUID id) {
        PostView post = access.post(id);
        return reads.ok(Markets.PROCESSING_GROUP).eTag(ETags.of(post.version())).body(post);
    }

    @PostMapping("/posts/{id}/publish")
    ResponseEntity<Answers.Changed> publish(@PathVariable UUID id) {
        Long version = commands.sendAndWait(
                new PublishPostCommand(id, MarketAccess.requester(Actor.require()), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.Changed(id, version));
    }

    @PostMapping(path = "/posts/{id}/close")
    ResponseEntity<Answers.Changed> close(
            @PathVariable UUID id, @Valid @RequestBody(required = false) Requests.ClosePost request) {
        String reason = request == null ? null : request.reason();
        Long version = commands.sendAndWait(
                new ClosePostCommand(id, MarketAccess.requester(Actor.require()), reason, Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.Changed(id, version));
    }

    /**
     * The enterprise agrees that its need, which local supply cannot serve, goes to the next breakfast meeting; the
     * meetings service proposes it there as the enterprise's topic (the answer names the topic's id). Refused (409
     * {@code local-supply-available}, naming the offers' products, never their enterprises) while open local offers
     * could still serve it.
     */
    @PostMapping(path = "/posts/{id}/refer-to-meeting")
    ResponseEntity<Answers.Referred> referToMeeting(
            @PathVariable UUID id, @Valid @RequestBody(required = false) Requests.ReferNeed request) {
        List<String> localOffers = markets.openLocalCandidates(access.post(id)).stream()
                .map(candidate -> candidate.post().product())
                .toList();
        Long version = commands.sendAndWait(new ReferNeedToMeetingCommand(
                id,
                MarketAccess.requester(Actor.require()),
                request == null ? null : request.description(),
                localOffers,
                Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Answers.Referred(id, Post.topicFor(id), version));
    }

    /** The open posts that could serve this one, best first, with the parts of each score. */
    @GetMapping("/posts/{id}/candidates")
    ResponseEntity<List<CandidateView>> candidates(@PathVariable UUID id) {
        return reads.ok(Markets.PROCESSING_GROUP).body(markets.candidates(access.post(id)));
    }

    /** Matches proposed, introduced and signed per link and month, contract value, local supporting rate. */
    @GetMapping("/figures")
    ResponseEntity<FiguresView> figures(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reads.ok(Markets.PROCESSING_GROUP).body(markets.figures(asOf == null ? MarketAccess.today() : asOf));
    }

    @GetMapping(path = "/figures/export.csv", produces = "text/csv")
    ResponseEntity<String> figuresCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf == null ? MarketAccess.today() : asOf;
        return reads.ok(Markets.PROCESSING_GROUP)
                .contentType(FiguresCsv.TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"market-figures-" + day + ".csv\"")
                .body(FiguresCsv.write(markets.figures(day)));
    }

    /** A post's states, for the list's filter. */
    enum PostStatus {
        DRAFT,
        PUBLISHED,
        CLOSED
    }
}
