package cn.qinqing.projects.market.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Ids;
import cn.qinqing.language.market.EnterprisesIntroducedEvent;
import cn.qinqing.language.market.MatchConsentedEvent;
import cn.qinqing.language.market.MatchDeclinedEvent;
import cn.qinqing.language.market.MatchOutcome;
import cn.qinqing.language.market.MatchOutcomeRecordedEvent;
import cn.qinqing.language.market.MatchProposedEvent;
import cn.qinqing.language.market.ScorePart;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A match a broker proposed between a need and an offer of two enterprises: each enterprise consents to be introduced
 * (neither learns the other's name before both did); once both consented they are introduced; the broker records how
 * it ended — met, a contract signed with its amount, or no deal and why. Either enterprise may instead decline, before
 * the introduction, saying why: the match ends there. A consent or a decline by anyone but the two enterprises' users
 * finds no match (404).
 */
@Aggregate(type = Match.TYPE)
public class Match {

    static final String TYPE = "MarketMatch";

    @AggregateIdentifier
    private UUID matchId;

    private UUID needPostId;
    private String needEnterpriseId;
    private String offerEnterpriseId;
    private ChainLink chainLink;
    private final Set<String> consented = new HashSet<>();
    private boolean introduced;
    private MatchOutcome outcome;
    private String declinedBy;

    protected Match() {
        // for Axon
    }

    /** One match per pair of posts: proposing the same pair again is refused as a duplicate (409). */
    public static UUID idFor(UUID needPostId, UUID offerPostId) {
        return Ids.derive("market-match", needPostId + ":" + offerPostId);
    }

    @CommandHandler
    public Match(ProposeMatchCommand command) {
        requireBroker(command.requester(), command.marketDepartment());
        if (command.needEnterpriseId().equals(command.offerEnterpriseId())) {
            throw new RuleViolation("same-enterprise", "A match introduces two different enterprises.");
        }
        int score = command.explanation().stream().mapToInt(ScorePart::points).sum();
        apply(new MatchProposedEvent(
                command.matchId(),
                command.needPostId(),
                command.offerPostId(),
                command.needEnterpriseId(),
                command.offerEnterpriseId(),
                command.chainLink(),
                score,
                command.explanation(),
                command.requester().subject(),
                command.proposedAt()));
    }

    @CommandHandler
    Long handle(ConsentToMatchCommand command) {
        String party = party(command.requester());
        if (consented.contains(party)) {
            return AggregateLifecycle.getVersion(); // a retry
        }
        if (outcome != null) {
            throw new RuleViolation("match-decided", "The broker recorded this match's outcome already.");
        }
        if (declinedBy != null) {
            throw new RuleViolation("match-declined", "One of the enterprises declined this match; it has ended.");
        }
        apply(new MatchConsentedEvent(matchId, party, command.consentedAt()));
        if (consented.size() == 2) {
            apply(new EnterprisesIntroducedEvent(
                    matchId, needEnterpriseId, offerEnterpriseId, chainLink, command.consentedAt()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(DeclineMatchCommand command) {
        String party = party(command.requester());
        if (party.equals(declinedBy)) {
            return AggregateLifecycle.getVersion(); // a retry
        }
        if (declinedBy != null) {
            throw new RuleViolation("match-declined", "The other enterprise declined this match already.");
        }
        if (introduced) {
            throw new RuleViolation(
                    "already-introduced",
                    "Both enterprises consented and were introduced; the broker records the end.");
        }
        if (outcome != null) {
            throw new RuleViolation("match-decided", "The broker recorded this match's outcome already.");
        }
        apply(new MatchDeclinedEvent(matchId, party, command.reason(), command.declinedAt()));
        return AggregateLifecycle.getVersion();
    }

    /** The caller's side of the match; anyone else is told there is no such match. */
    private String party(Requester requester) {
        if (requester.isUserOf(needEnterpriseId)) {
            return needEnterpriseId;
        }
        if (requester.isUserOf(offerEnterpriseId)) {
            return offerEnterpriseId;
        }
        throw new NotAccessible("match " + matchId);
    }

    @CommandHandler
    Long handle(RecordMatchOutcomeCommand command) {
        requireBroker(command.requester(), command.marketDepartment());
        if (outcome != null) {
            throw new RuleViolation("outcome-recorded", "This match ended as " + outcome + "; that stands.");
        }
        if (declinedBy != null) {
            throw new RuleViolation("match-declined", "One of the enterprises declined this match; it has ended.");
        }
        if (command.outcome() != MatchOutcome.NO_DEAL && !introduced) {
            throw new RuleViolation(
                    "not-introduced", "The enterprises meet or sign only once both consented to be introduced.");
        }
        if (command.outcome() == MatchOutcome.CONTRACT_SIGNED
                && (command.amountCny() == null || command.amountCny().signum() <= 0)) {
            throw new RuleViolation("amount-invalid", "A signed contract's amount is more than zero yuan.");
        }
        if (command.outcome() == MatchOutcome.NO_DEAL
                && (command.reason() == null || command.reason().isBlank())) {
            throw new RuleViolation("reason-missing", "No deal says why.");
        }
        apply(new MatchOutcomeRecordedEvent(
                matchId,
                needPostId,
                chainLink,
                command.outcome(),
                command.outcome() == MatchOutcome.CONTRACT_SIGNED ? command.amountCny() : null,
                command.outcome() == MatchOutcome.NO_DEAL ? command.reason() : null,
                command.recordedAt()));
        return AggregateLifecycle.getVersion();
    }

    private static void requireBroker(Requester requester, String marketDepartment) {
        if (!requester.brokersFor(marketDepartment)) {
            throw new NotABroker("Dispatchers and the officials and leaders of " + marketDepartment
                    + ", which runs the market, broker matches.");
        }
    }

    @EventSourcingHandler
    void on(MatchProposedEvent event) {
        matchId = event.matchId();
        needPostId = event.needPostId();
        needEnterpriseId = event.needEnterpriseId();
        offerEnterpriseId = event.offerEnterpriseId();
        chainLink = event.chainLink();
    }

    @EventSourcingHandler
    void on(MatchConsentedEvent event) {
        consented.add(event.enterpriseId());
    }

    @EventSourcingHandler
    void on(MatchDeclinedEvent event) {
        declinedBy = event.enterpriseId();
    }

    @EventSourcingHandler
    void on(EnterprisesIntroducedEvent event) {
        introduced = true;
    }

    @EventSourcingHandler
    void on(MatchOutcomeRecordedEvent event) {
        outcome = event.outcome();
    }
}
