package cn.qinqing.projects.market.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Ids;
import cn.qinqing.language.market.NeedReferredToMeetingEvent;
import cn.qinqing.language.market.PostClosedEvent;
import cn.qinqing.language.market.PostDraftedEvent;
import cn.qinqing.language.market.PostKind;
import cn.qinqing.language.market.PostPublishedEvent;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An enterprise's post on the city's market (找市场、找订单): an offer or a need, drafted → published → closed. Only the
 * enterprise's own users change it; to anyone else it does not exist (a draft is never seen outside its enterprise).
 * A published need that local supply cannot serve goes to the next breakfast meeting when the enterprise agrees: not
 * while an open local offer could still serve it (one the broker has not yet seen declined or ended without a deal).
 *
 * <p>Handlers answer with the post's new version.
 */
@Aggregate(type = Post.TYPE)
public class Post {

    static final String TYPE = "MarketPost";

    enum Status {
        DRAFT,
        PUBLISHED,
        CLOSED
    }

    @AggregateIdentifier
    private UUID postId;

    private String enterpriseId;
    private PostKind kind;
    private ChainLink chainLink;
    private String product;
    private Status status;
    private boolean referred;

    protected Post() {
        // for Axon
    }

    /** The breakfast-meeting topic a referred need becomes; the meetings service proposes it under this id. */
    public static UUID topicFor(UUID postId) {
        return Ids.derive("market-need-topic", postId.toString());
    }

    @CommandHandler
    public Post(DraftPostCommand command) {
        if (!command.requester().isUserOf(command.enterpriseId())) {
            throw new RuleViolation(
                    "not-your-enterprise", "A post is drafted by a user of the enterprise that posts it.");
        }
        if (command.quantity() == null || command.quantity().amount().signum() <= 0) {
            throw new RuleViolation("quantity-invalid", "A post's capacity or quantity is more than zero.");
        }
        if (command.kind() == PostKind.NEED && command.needType() == null) {
            throw new RuleViolation(
                    "need-type-missing", "A need says what it asks for: supply, buyer, logistics or partner.");
        }
        if (command.kind() == PostKind.OFFER && command.needType() != null) {
            throw new RuleViolation("need-type-on-offer", "An offer asks for nothing: it has no need type.");
        }
        apply(new PostDraftedEvent(
                command.postId(),
                command.enterpriseId(),
                command.kind(),
                command.needType(),
                command.product(),
                command.chainLink(),
                command.quantity(),
                command.deliveryTerms(),
                command.description(),
                command.draftedAt()));
    }

    @CommandHandler
    Long handle(PublishPostCommand command) {
        requireOwner(command.requester());
        if (status == Status.PUBLISHED) {
            return AggregateLifecycle.getVersion(); // a retry
        }
        if (status == Status.CLOSED) {
            throw new RuleViolation("post-closed", "The post is closed; draft a new one.");
        }
        apply(new PostPublishedEvent(postId, enterpriseId, command.publishedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ClosePostCommand command) {
        requireOwner(command.requester());
        if (status == Status.CLOSED) {
            return AggregateLifecycle.getVersion(); // a retry
        }
        apply(new PostClosedEvent(postId, enterpriseId, command.reason(), command.closedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ReferNeedToMeetingCommand command) {
        requireOwner(command.requester());
        if (referred) {
            return AggregateLifecycle.getVersion(); // referred already: one topic per need
        }
        if (kind != PostKind.NEED) {
            throw new RuleViolation("not-a-need", "Only a need goes to a breakfast meeting.");
        }
        if (status != Status.PUBLISHED) {
            throw new RuleViolation("post-not-open", "Only a published, open need goes to a breakfast meeting.");
        }
        if (!command.localOffers().isEmpty()) {
            int count = command.localOffers().size();
            String products =
                    String.join("、", command.localOffers().stream().limit(3).toList()) + (count > 3 ? " …" : "");
            throw new RuleViolation(
                    "local-supply-available",
                    "本地仍有 " + count + " 条供应可对接（" + products + "），由经办部门先行撮合；本地供应无法满足时再提交早餐会。"
                            + " (" + count + " open local offer(s) could still serve this need (" + products
                            + "): the city brokers them first; refer it once none remains.)");
        }
        String description =
                command.description() == null || command.description().isBlank()
                        ? "本地暂无供应：" + product + " (" + chainLink + ")。 (Local supply cannot serve this need.)"
                        : command.description();
        apply(new NeedReferredToMeetingEvent(
                postId,
                topicFor(postId),
                enterpriseId,
                chainLink,
                "找市场：本地缺少" + product + " (no local supply of " + product + ")",
                description,
                command.referredAt()));
        return AggregateLifecycle.getVersion();
    }

    /** Another enterprise's post, or a caller that is no enterprise's user: the post does not exist for them. */
    private void requireOwner(Requester requester) {
        if (!requester.isUserOf(enterpriseId)) {
            throw new NotAccessible("post " + postId);
        }
    }

    @EventSourcingHandler
    void on(PostDraftedEvent event) {
        postId = event.postId();
        enterpriseId = event.enterpriseId();
        kind = event.kind();
        chainLink = event.chainLink();
        product = event.product();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(PostPublishedEvent event) {
        status = Status.PUBLISHED;
    }

    @EventSourcingHandler
    void on(PostClosedEvent event) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(NeedReferredToMeetingEvent event) {
        referred = true;
    }
}
