package cn.qinqing.meetings.meeting.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Ids;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.language.market.NeedReferredToMeetingEvent;
import cn.qinqing.meetings.MeetingsApiTestBase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A need of the market referred to a breakfast meeting (projects service's event) becomes the enterprise's topic at
 * the next meeting it is invited to, or waits for its next invitation.
 */
class ProposingTopicsForMarketNeedsIT extends MeetingsApiTestBase {

    @Test
    void aReferredNeedBecomesATopicOfTheNextMeetingTheEnterpriseIsInvitedTo() {
        String enterprise = registered("91150200MA0QE0005", "包头昆都仑组件有限公司");
        UUID meeting = scheduleNextWeek();
        invite(meeting, 0, enterprise);
        UUID post = UUID.randomUUID();
        UUID topic = Ids.derive("market-need-topic", post.toString());

        append("MarketPost", post.toString(), 0, referred(post, topic, enterprise));

        await().until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM topic_view WHERE topic_id = ? AND meeting_id = ?",
                        Long.class,
                        topic,
                        meeting)
                == 1);
        assertThat(jdbc.queryForMap("SELECT enterprise_id, title, status FROM topic_view WHERE topic_id = ?", topic))
                .containsEntry("enterprise_id", enterprise)
                .containsEntry("title", "找市场：本地缺少TOPCon电池片 (no local supply of TOPCon cells)")
                .containsEntry("status", "PROPOSED");
        assertThat(jdbc.queryForObject(
                        "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%TopicProposedEvent'",
                        String.class, meeting.toString()))
                .as("the topic's actor is the reaction, caused by the referral")
                .contains("system:meetings")
                .contains("causationId");
    }

    @Test
    void aNeedWithoutAMeetingWaitsForTheEnterprisesNextInvitation() {
        String enterprise = registered("91150200MA0QF0006", "包头东河物流有限公司");
        UUID post = UUID.randomUUID();
        UUID topic = Ids.derive("market-need-topic", post.toString());

        append("MarketPost", post.toString(), 0, referred(post, topic, enterprise));
        await().until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM market_need_referral WHERE post_id = ? AND meeting_id IS NULL",
                        Long.class,
                        post)
                == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM topic_view WHERE topic_id = ?", Long.class, topic))
                .isZero();

        UUID meeting = scheduleNextWeek();
        invite(meeting, 0, enterprise);

        await().until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM topic_view WHERE topic_id = ? AND meeting_id = ?",
                        Long.class,
                        topic,
                        meeting)
                == 1);
    }

    private static NeedReferredToMeetingEvent referred(UUID post, UUID topic, String enterprise) {
        return new NeedReferredToMeetingEvent(
                post,
                topic,
                enterprise,
                ChainLink.CELL,
                "找市场：本地缺少TOPCon电池片 (no local supply of TOPCon cells)",
                "需要 5GW TOPCon 电池片，本地暂无供应。",
                Instant.now());
    }

    private String registered(String first17, String name) {
        String uscc = valid(first17);
        append(
                "Enterprise",
                uscc,
                0,
                new EnterpriseRegisteredEvent(
                        uscc,
                        name,
                        IndustryChainPosition.MODULE,
                        "昆都仑区",
                        new Contact("李经理", "0472-5550102", null),
                        Instant.now()));
        await().until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM enterprise_directory WHERE enterprise_id = ?", Long.class, uscc)
                == 1);
        return uscc;
    }
}
