package cn.qinqing.projects.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.Ids;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.projects.ProjectsApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The market through the API against PostgreSQL: who sees which post, bad input naming the field with nothing stored,
 * candidates with their explanations, consent with names hidden until both consented, the outcome, the figures, and
 * a need referred to a breakfast meeting.
 */
class MarketsApiIT extends ProjectsApiTestBase {

    static final String ENTERPRISE_C = "91150200MA0QC0003X";
    private static boolean registered;
    private final String userC = tokens.enterprise("user-c", ENTERPRISE_C);

    @BeforeEach
    void registerEnterprises() {
        if (!registered) {
            register(ENTERPRISE_A, "包头青山光伏材料有限公司", "青山区");
            register(ENTERPRISE_B, "包头稀土高新硅业有限公司", "稀土高新区");
            await().until(() -> jdbc.queryForObject("SELECT count(*) FROM market_enterprise", Long.class) >= 2);
            registered = true;
        }
    }

    private void register(String uscc, String name, String district) {
        eventStore.publish(new GenericDomainEventMessage<>(
                "Enterprise",
                uscc,
                0,
                new EnterpriseRegisteredEvent(
                        uscc,
                        name,
                        IndustryChainPosition.POLYSILICON,
                        district,
                        new Contact("王经理", "0472-5550101", null),
                        Instant.now())));
    }

    static Map<String, Object> need(String product, String link, Object amount, String unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "NEED");
        body.put("needType", "SUPPLY");
        body.put("product", product);
        body.put("chainLink", link);
        body.put("quantity", Map.of("amount", amount, "unit", unit));
        body.put("deliveryTerms", "每月250吨，送到厂");
        return body;
    }

    static Map<String, Object> offer(String product, String link, Object amount, String unit) {
        Map<String, Object> body = need(product, link, amount, unit);
        body.put("kind", "OFFER");
        body.remove("needType");
        return body;
    }

    UUID draft(String token, Map<String, Object> body) {
        var drafted = api.post("/api/markets/posts").token(token).body(body).send();
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return UUID.fromString(drafted.json().get("id").asText());
    }

    UUID published(String token, Map<String, Object> body) {
        UUID id = draft(token, body);
        assertThat(api.post("/api/markets/posts/" + id + "/publish")
                        .token(token)
                        .send()
                        .status())
                .isEqualTo(200);
        await().until(() -> "PUBLISHED"
                .equals(api.get("/api/markets/posts/" + id)
                        .token(token)
                        .send()
                        .json()
                        .path("status")
                        .asText()));
        return id;
    }

    @Test
    void aDraftIsItsEnterprisesAloneAndAnotherEnterpriseFindsNoPost() {
        UUID id = draft(userA, need("多晶硅 (draft)", "POLYSILICON", 100, "TONNES"));
        await().until(() ->
                api.get("/api/markets/posts/" + id).token(userA).send().status() == 200);

        assertThat(api.get("/api/markets/posts/" + id).token(userB).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/markets/posts/" + id).token(dispatcher).send().status())
                .as("brokers never see a draft")
                .isEqualTo(404);
        assertThat(api.get("/api/markets/posts").token(supervisor).send().json().findValuesAsText("postId"))
                .doesNotContain(id.toString());
        assertThat(api.post("/api/markets/posts/" + id + "/publish")
                        .token(userB)
                        .send()
                        .status())
                .as("another enterprise's post id")
                .isEqualTo(404);

        assertThat(api.post("/api/markets/posts/" + id + "/publish")
                        .token(userA)
                        .send()
                        .status())
                .isEqualTo(200);
        await().until(() ->
                api.get("/api/markets/posts/" + id).token(dispatcher).send().status() == 200);
        assertThat(api.get("/api/markets/posts/" + id).token(userB).send().status())
                .as("published, still another enterprise's")
                .isEqualTo(404);
        assertThat(api.get("/api/markets/posts").token(userB).send().json().findValuesAsText("postId"))
                .doesNotContain(id.toString());
        String publishedBy = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 1",
                String.class,
                id.toString());
        assertThat(publishedBy).contains("\"actor\":\"user-a\"").contains("\"role\":\"ENTERPRISE\"");
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        long before = eventCount();
        var negative = api.post("/api/markets/posts")
                .token(userA)
                .body(offer("多晶硅", "POLYSILICON", -5, "TONNES"))
                .send();
        var unknownLink = api.post("/api/markets/posts")
                .token(userA)
                .body(offer("石墨烯", "GRAPHENE", 5, "TONNES"))
                .send();
        Map<String, Object> forOther = offer("多晶硅", "POLYSILICON", 5, "TONNES");
        forOther.put("enterpriseId", ENTERPRISE_B);
        var otherEnterprise =
                api.post("/api/markets/posts").token(userA).body(forOther).send();
        var noNeedType = need("多晶硅", "POLYSILICON", 5, "TONNES");
        noNeedType.remove("needType");
        var missingType =
                api.post("/api/markets/posts").token(userA).body(noNeedType).send();

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().findValuesAsText("field")).contains("quantity.amount");
        assertThat(unknownLink.status()).isEqualTo(400);
        assertThat(unknownLink.json().findValuesAsText("field")).contains("chainLink");
        assertThat(otherEnterprise.status()).isEqualTo(400);
        assertThat(otherEnterprise.json().findValuesAsText("field")).contains("enterpriseId");
        assertThat(missingType.status()).isEqualTo(400);
        assertThat(missingType.json().findValuesAsText("field")).contains("needType");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBrokeredMatchIntroducesTheEnterprisesOnlyOnceBothConsentedAndCountsTheContract() {
        UUID need = published(userA, need("工业硅 421# (industrial silicon)", "INDUSTRIAL_SILICON", 3000, "TONNES"));
        UUID offer =
                published(userB, offer("工业硅 421#/553# (industrial silicon)", "INDUSTRIAL_SILICON", 5000, "TONNES"));

        JsonNode candidates = api.get("/api/markets/posts/" + need + "/candidates")
                .token(dispatcher)
                .send()
                .json();
        JsonNode best = candidates.get(0);
        assertThat(best.at("/post/postId").asText()).isEqualTo(offer.toString());
        assertThat(best.get("explanation").findValuesAsText("factor"))
                .containsExactly("CHAIN_LINK", "PRODUCT", "QUANTITY");
        assertThat(best.get("score").asInt()).isEqualTo(100);
        ContractSamples.verify("projects", "market-candidates", candidates);
        assertThat(api.get("/api/markets/posts/" + need + "/candidates")
                        .token(userA)
                        .send()
                        .status())
                .isEqualTo(403);

        Map<String, Object> pair = Map.of("needPostId", need.toString(), "offerPostId", offer.toString());
        assertThat(api.post("/api/markets/matches")
                        .token(officialLand)
                        .body(pair)
                        .send()
                        .status())
                .as("an official of another department does not broker")
                .isEqualTo(403);
        var proposed =
                api.post("/api/markets/matches").token(official).body(pair).send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        UUID match = UUID.fromString(proposed.json().get("id").asText());
        assertThat(match).isEqualTo(Ids.derive("market-match", need + ":" + offer));
        assertThat(api.post("/api/markets/matches")
                        .token(official)
                        .body(pair)
                        .send()
                        .status())
                .as("the same pair twice")
                .isEqualTo(409);

        await().until(() ->
                api.get("/api/markets/matches/" + match).token(userA).send().status() == 200);
        JsonNode seenByA =
                api.get("/api/markets/matches/" + match).token(userA).send().json();
        assertThat(seenByA.get("yourSide").asText()).isEqualTo("NEED");
        assertThat(seenByA.at("/offer/name").isNull()).isTrue();
        assertThat(seenByA.at("/offer/enterpriseId").isNull()).isTrue();
        assertThat(seenByA.at("/offer/label").asText()).isEqualTo("an enterprise in 稀土高新区 at INDUSTRIAL_SILICON");
        assertThat(api.get("/api/markets/matches/" + match).token(userC).send().status())
                .isEqualTo(404);

        long before = eventCount();
        assertThat(api.post("/api/markets/matches/" + match + "/consent")
                        .token(userC)
                        .send()
                        .status())
                .as("a third party's consent")
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);

        assertThat(api.post("/api/markets/matches/" + match + "/consent")
                        .token(userB)
                        .send()
                        .status())
                .isEqualTo(200);
        await().until(() -> !api.get("/api/markets/matches/" + match)
                .token(userB)
                .send()
                .json()
                .at("/offer/consentedAt")
                .isNull());
        assertThat(api.get("/api/markets/matches/" + match)
                        .token(userB)
                        .send()
                        .json()
                        .at("/need/name")
                        .isNull())
                .as("B consented, A not yet: still anonymous to B")
                .isTrue();
        var signedTooEarly = api.post("/api/markets/matches/" + match + "/outcome")
                .token(dispatcher)
                .body(Map.of("outcome", "CONTRACT_SIGNED", "amountCny", 1000))
                .send();
        assertThat(signedTooEarly.status()).isEqualTo(409);

        assertThat(api.post("/api/markets/matches/" + match + "/consent")
                        .token(userA)
                        .send()
                        .status())
                .isEqualTo(200);
        await().until(() -> "INTRODUCED"
                .equals(api.get("/api/markets/matches/" + match)
                        .token(userB)
                        .send()
                        .json()
                        .path("status")
                        .asText()));
        assertThat(api.get("/api/markets/matches/" + match)
                        .token(userB)
                        .send()
                        .json()
                        .at("/need/name")
                        .asText())
                .isEqualTo("包头青山光伏材料有限公司");
        assertThat(api.get("/api/markets/matches/" + match)
                        .token(userA)
                        .send()
                        .json()
                        .at("/offer/name")
                        .asText())
                .isEqualTo("包头稀土高新硅业有限公司");

        long beforeOutcome = eventCount();
        var zero = api.post("/api/markets/matches/" + match + "/outcome")
                .token(dispatcher)
                .body(Map.of("outcome", "CONTRACT_SIGNED", "amountCny", 0))
                .send();
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().findValuesAsText("field")).containsExactly("amountCny");
        assertThat(eventCount()).isEqualTo(beforeOutcome);
        assertThat(api.post("/api/markets/matches/" + match + "/outcome")
                        .token(dispatcher)
                        .body(Map.of("outcome", "CONTRACT_SIGNED", "amountCny", 186000000))
                        .send()
                        .status())
                .isEqualTo(200);

        await().until(() -> "CONTRACT_SIGNED"
                .equals(api.get("/api/markets/matches/" + match)
                        .token(supervisor)
                        .send()
                        .json()
                        .path("status")
                        .asText()));
        ContractSamples.verify(
                "projects",
                "market-match",
                api.get("/api/markets/matches/" + match).token(userA).send().json());
        JsonNode figures =
                api.get("/api/markets/figures").token(supervisor).send().json();
        ContractSamples.verify("projects", "market-figures", figures);
        JsonNode link = null;
        for (JsonNode l : figures.get("links")) {
            if (l.get("chainLink").asText().equals("INDUSTRIAL_SILICON")) {
                link = l;
            }
        }
        assertThat(link).isNotNull();
        assertThat(link.get("needs").asLong()).isEqualTo(1);
        assertThat(link.get("needsMet").asLong()).isEqualTo(1);
        assertThat(link.get("localSupportingRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(link.get("contractValueCny").decimalValue()).isEqualByComparingTo("186000000");
        assertThat(figures.get("months").findValuesAsText("chainLink")).contains("INDUSTRIAL_SILICON");
        JsonNode yesterday = api.get("/api/markets/figures?asOf=" + today().minusDays(1))
                .token(supervisor)
                .send()
                .json();
        assertThat(yesterday.get("links").findValuesAsText("chainLink"))
                .as("as of yesterday, nothing of today's")
                .doesNotContain("INDUSTRIAL_SILICON");
        String csv =
                api.get("/api/markets/figures/export.csv").token(leader).send().text();
        assertThat(csv).startsWith("chainLink,month,proposed").contains("INDUSTRIAL_SILICON,all,,,,186000000");
    }

    @Test
    void anEnterpriseDeclinesAMatchSayingWhyAndTheOtherSideNeverLearnsWhoOrWhy() {
        UUID need = published(userA, need("电池片 (cells, declined)", "CELL", 50, "MW"));
        UUID offer = published(userB, offer("电池片 (cells, declined)", "CELL", 80, "MW"));
        var proposed = api.post("/api/markets/matches")
                .token(dispatcher)
                .body(Map.of("needPostId", need.toString(), "offerPostId", offer.toString()))
                .send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        UUID match = UUID.fromString(proposed.json().get("id").asText());

        long before = eventCount();
        var blank = api.post("/api/markets/matches/" + match + "/decline")
                .token(userB)
                .body(Map.of("reason", " "))
                .send();
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().findValuesAsText("field")).containsExactly("reason");
        Map<String, Object> why = Map.of("reason", "本季度产能已排满");
        assertThat(api.post("/api/markets/matches/" + match + "/decline")
                        .token(userC)
                        .body(why)
                        .send()
                        .status())
                .as("a third party")
                .isEqualTo(404);
        assertThat(api.post("/api/markets/matches/" + match + "/decline")
                        .token(dispatcher)
                        .body(why)
                        .send()
                        .status())
                .as("a broker does not decline for an enterprise")
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);

        var declined = api.post("/api/markets/matches/" + match + "/decline")
                .token(userB)
                .body(why)
                .send();
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        JsonNode seenByB =
                api.get("/api/markets/matches/" + match).token(userB).send().json();
        assertThat(seenByB.get("status").asText()).as("read your write").isEqualTo("DECLINED");
        assertThat(seenByB.get("declinedBy").asText()).isEqualTo("OFFER");
        assertThat(seenByB.get("declineReason").asText()).isEqualTo("本季度产能已排满");
        JsonNode seenByA =
                api.get("/api/markets/matches/" + match).token(userA).send().json();
        assertThat(seenByA.get("status").asText()).isEqualTo("DECLINED");
        assertThat(seenByA.get("declineReason").isNull())
                .as("the other side learns it ended, not why")
                .isTrue();
        assertThat(seenByA.at("/offer/name").isNull()).isTrue();
        assertThat(api.get("/api/markets/matches/" + match)
                        .token(dispatcher)
                        .send()
                        .json()
                        .get("declineReason")
                        .asText())
                .isEqualTo("本季度产能已排满");

        long afterDecline = eventCount();
        assertThat(api.post("/api/markets/matches/" + match + "/consent")
                        .token(userA)
                        .send()
                        .status())
                .as("a declined match cannot be consented to")
                .isEqualTo(409);
        assertThat(api.post("/api/markets/matches/" + match + "/decline")
                        .token(userB)
                        .body(why)
                        .send()
                        .status())
                .as("a retry")
                .isEqualTo(200);
        assertThat(eventCount()).isEqualTo(afterDecline);
    }

    @Test
    void aNeedGoesToTheNextBreakfastMeetingWhenItsEnterpriseAgreesOnceNoLocalOfferCanServeIt() {
        UUID need = published(userA, need("TOPCon 电池片", "CELL", 5, "GW"));
        UUID local = published(userB, offer("TOPCon 电池片 (local)", "CELL", 2, "GW"));

        assertThat(api.post("/api/markets/posts/" + need + "/refer-to-meeting")
                        .token(userB)
                        .send()
                        .status())
                .isEqualTo(404);
        long before = eventCount();
        var refused = api.post("/api/markets/posts/" + need + "/refer-to-meeting")
                .token(userA)
                .body(Map.of("description", "本地暂无 TOPCon 电池片产能"))
                .send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/local-supply-available");
        assertThat(refused.json().get("detail").asText())
                .as("why, naming the local offer's product and never its enterprise before consent")
                .contains("本地仍有")
                .contains("TOPCon 电池片 (local)")
                .contains("could still serve this need")
                .doesNotContain("包头稀土高新硅业有限公司")
                .doesNotContain(ENTERPRISE_B);
        assertThat(eventCount()).as("nothing changed").isEqualTo(before);

        // the broker tries every local candidate; none comes to a deal
        JsonNode candidates = api.get("/api/markets/posts/" + need + "/candidates")
                .token(dispatcher)
                .send()
                .json();
        assertThat(candidates.findValuesAsText("postId")).contains(local.toString());
        for (JsonNode candidate : candidates) {
            var proposed = api.post("/api/markets/matches")
                    .token(dispatcher)
                    .body(Map.of(
                            "needPostId",
                            need.toString(),
                            "offerPostId",
                            candidate.at("/post/postId").asText()))
                    .send();
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            assertThat(api.post("/api/markets/matches/"
                                    + proposed.json().get("id").asText() + "/outcome")
                            .token(dispatcher)
                            .body(Map.of("outcome", "NO_DEAL", "reason", "产能已排满"))
                            .send()
                            .status())
                    .isEqualTo(200);
        }

        var referred = await().until(
                        () -> api.post("/api/markets/posts/" + need + "/refer-to-meeting")
                                .token(userA)
                                .body(Map.of("description", "本地暂无 TOPCon 电池片产能"))
                                .send(),
                        answer -> answer.status() != 409);
        assertThat(referred.status()).isEqualTo(200);
        assertThat(referred.json().get("topicId").asText())
                .isEqualTo(Ids.derive("market-need-topic", need.toString()).toString());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND payload_type LIKE '%NeedReferredToMeetingEvent'",
                        Long.class, need.toString()))
                .isEqualTo(1);
        await().until(() -> !api.get("/api/markets/posts/" + need)
                .token(userA)
                .send()
                .json()
                .path("referredAt")
                .isNull());
    }
}
