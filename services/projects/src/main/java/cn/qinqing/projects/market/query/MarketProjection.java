package cn.qinqing.projects.market.query;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.language.market.EnterprisesIntroducedEvent;
import cn.qinqing.language.market.MatchConsentedEvent;
import cn.qinqing.language.market.MatchDeclinedEvent;
import cn.qinqing.language.market.MatchOutcomeRecordedEvent;
import cn.qinqing.language.market.MatchProposedEvent;
import cn.qinqing.language.market.NeedReferredToMeetingEvent;
import cn.qinqing.language.market.PostClosedEvent;
import cn.qinqing.language.market.PostDraftedEvent;
import cn.qinqing.language.market.PostPublishedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The market as enterprises, brokers and supervisors read it: the enterprises (for names and districts), every post
 * and every match with its consents, introduction and outcome. Idempotent: inserts ignore a row that exists, updates
 * set what the event carries.
 */
@Component
@ProcessingGroup(MarketProjection.GROUP)
class MarketProjection {

    static final String GROUP = "projects-markets";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    MarketProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event) {
        jdbc.update(
                "INSERT INTO market_enterprise (enterprise_id, name, district, chain_position) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (enterprise_id) DO UPDATE SET name = EXCLUDED.name,"
                        + " district = EXCLUDED.district, chain_position = EXCLUDED.chain_position",
                event.enterpriseId(),
                event.name(),
                event.district(),
                event.chainPosition() == null ? null : event.chainPosition().name());
    }

    @EventHandler
    void on(PostDraftedEvent event, @SequenceNumber long version, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update(
                "INSERT INTO market_post (post_id, enterprise_id, kind, need_type, product, chain_link, quantity_amount,"
                        + " quantity_unit, delivery_terms, description, status, drafted_at, drafted_by, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) ON CONFLICT (post_id) DO NOTHING",
                event.postId(),
                event.enterpriseId(),
                event.kind().name(),
                event.needType() == null ? null : event.needType().name(),
                event.product(),
                event.chainLink().name(),
                event.quantity().amount(),
                event.quantity().unit().name(),
                event.deliveryTerms(),
                event.description(),
                ts(event.draftedAt()),
                actor,
                version);
    }

    @EventHandler
    void on(PostPublishedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE market_post SET status = 'PUBLISHED', published_at = ?, version = GREATEST(version, ?)"
                        + " WHERE post_id = ? AND status = 'DRAFT'",
                ts(event.publishedAt()),
                version,
                event.postId());
    }

    @EventHandler
    void on(PostClosedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE market_post SET status = 'CLOSED', closed_at = ?, closed_reason = ?,"
                        + " version = GREATEST(version, ?) WHERE post_id = ?",
                ts(event.closedAt()),
                event.reason(),
                version,
                event.postId());
    }

    @EventHandler
    void on(NeedReferredToMeetingEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE market_post SET referred_at = ?, topic_id = ?, version = GREATEST(version, ?) WHERE post_id = ?",
                ts(event.referredAt()),
                event.topicId(),
                version,
                event.postId());
    }

    @EventHandler
    void on(MatchProposedEvent event, @SequenceNumber long version, @MetaDataValue(MetadataKeys.ACTOR) String actor)
            throws JsonProcessingException {
        jdbc.update(
                "INSERT INTO market_match (match_id, need_post_id, offer_post_id, need_enterprise_id,"
                        + " offer_enterprise_id, chain_link, score, explanation, proposed_by, proposed_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (match_id) DO NOTHING",
                event.matchId(),
                event.needPostId(),
                event.offerPostId(),
                event.needEnterpriseId(),
                event.offerEnterpriseId(),
                event.chainLink().name(),
                event.score(),
                json.writeValueAsString(event.explanation()),
                actor == null ? event.brokerId() : actor,
                ts(event.proposedAt()),
                version);
    }

    @EventHandler
    void on(MatchConsentedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE market_match SET"
                        + " need_consented_at = CASE WHEN need_enterprise_id = ? THEN ? ELSE need_consented_at END,"
                        + " offer_consented_at = CASE WHEN offer_enterprise_id = ? THEN ? ELSE offer_consented_at END,"
                        + " version = GREATEST(version, ?) WHERE match_id = ?",
                event.enterpriseId(),
                ts(event.consentedAt()),
                event.enterpriseId(),
                ts(event.consentedAt()),
                version,
                event.matchId());
    }

    @EventHandler
    void on(MatchDeclinedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE market_match SET declined_by = ?, declined_at = ?, decline_reason = ?,"
                        + " version = GREATEST(version, ?) WHERE match_id = ?",
                event.enterpriseId(),
                ts(event.declinedAt()),
                event.reason(),
                version,
                event.matchId());
    }

    @EventHandler
    void on(EnterprisesIntroducedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE market_match SET introduced_at = ?, version = GREATEST(version, ?) WHERE match_id = ?",
                ts(event.introducedAt()),
                version,
                event.matchId());
    }

    @EventHandler
    void on(
            MatchOutcomeRecordedEvent event,
            @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update(
                "UPDATE market_match SET outcome = ?, amount_cny = ?, reason = ?, outcome_at = ?, outcome_by = ?,"
                        + " version = GREATEST(version, ?) WHERE match_id = ?",
                event.outcome().name(),
                event.amountCny(),
                event.reason(),
                ts(event.recordedAt()),
                actor,
                version,
                event.matchId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE market_enterprise, market_post, market_match");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
