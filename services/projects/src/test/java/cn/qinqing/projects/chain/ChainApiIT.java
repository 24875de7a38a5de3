package cn.qinqing.projects.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.UnifiedSocialCreditCode;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.projects.ProjectsApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** The chain view through the API, against PostgreSQL, built from the events of the appeals and directory contexts. */
class ChainApiIT extends ProjectsApiTestBase {

    @Test
    void theLinksComeUpstreamFirstAndAnEnterpriseAppearsUnderItsLinkMarkedWhenAChainMaster() {
        String cellMaker = enterpriseId();
        String moduleMaker = enterpriseId();
        String equipmentMaker = enterpriseId();
        register(cellMaker, "包头晶澳电池测试有限公司", IndustryChainPosition.CELL);
        register(moduleMaker, "包头组件测试有限公司", IndustryChainPosition.MODULE);
        register(equipmentMaker, "包头设备测试有限公司", IndustryChainPosition.EQUIPMENT);
        eventStore.publish(new GenericDomainEventMessage<>(
                "EnterpriseLiaison",
                "liaison:" + moduleMaker,
                0,
                new EnterpriseLiaisonChangedEvent(moduleMaker, "leader", true, null, Instant.now())));

        await().untilAsserted(() -> {
            JsonNode chain = chain(supervisor);
            List<String> links = new ArrayList<>();
            chain.get("links").forEach(link -> links.add(link.get("link").asText()));
            assertThat(links)
                    .containsExactly("INDUSTRIAL_SILICON", "POLYSILICON", "MONOCRYSTALLINE", "WAFER", "CELL", "MODULE");
            assertThat(enterprise(chain, "CELL", cellMaker).get("name").asText())
                    .isEqualTo("包头晶澳电池测试有限公司");
            assertThat(enterprise(chain, "CELL", cellMaker).get("chainMaster").asBoolean())
                    .isFalse();
            assertThat(enterprise(chain, "MODULE", moduleMaker)
                            .get("chainMaster")
                            .asBoolean())
                    .isTrue();
            assertThat(chain.toString()).doesNotContain(equipmentMaker);
        });
        // as of a day before they registered, they are not there yet
        assertThat(api.get("/api/projects/chain?asOf=" + today().minusDays(2))
                        .token(leader)
                        .send()
                        .json()
                        .toString())
                .doesNotContain(cellMaker);
    }

    @Test
    void aFiledAppealIsOpenUnderItsEnterpriseUntilItCloses() {
        String waferMaker = enterpriseId();
        register(waferMaker, "包头硅片测试有限公司", IndustryChainPosition.WAFER);
        UUID appeal = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        waferMaker,
                        "切片车间用工招聘难",
                        "需要协调职业院校定向培养。",
                        AppealCategory.OTHER,
                        Urgency.NORMAL,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        Instant.now())));

        await().untilAsserted(() -> assertThat(enterprise(chain(leader), "WAFER", waferMaker)
                        .at("/openAppeals/0/appealId")
                        .asText())
                .isEqualTo(appeal.toString()));

        eventStore.publish(new GenericDomainEventMessage<>(
                "Appeal", appeal.toString(), 1, new AppealClosedEvent(appeal, waferMaker, Instant.now())));

        await().untilAsserted(() -> assertThat(
                        enterprise(chain(dispatcher), "WAFER", waferMaker).get("openAppeals"))
                .isEmpty());
    }

    @Test
    void aKeyProjectAppearsUnderItsLinkWithItsStatusAndNoMarketWithoutTheMarketFeature() {
        UUID id = register(project("多晶硅链上测试项目 (chain)", 40, 30));

        JsonNode chain = chain(supervisor);
        JsonNode project = null;
        for (JsonNode p : link(chain, "POLYSILICON").get("projects")) {
            if (p.get("projectId").asText().equals(id.toString())) {
                project = p;
            }
        }
        assertThat(project).as(chain.toString()).isNotNull();
        assertThat(project.get("status").asText()).isEqualTo("SIGNED");
        assertThat(project.get("next").asText()).isEqualTo("LAND_AND_PERMITS");
        assertThat(project.get("overdue").asBoolean()).isTrue(); // planned 10 days ago, not reached
        assertThat(project.get("enterpriseIds").get(0).asText()).isEqualTo(ENTERPRISE_B);
        // as of before its signing, it is not on the chain
        assertThat(api.get("/api/projects/chain?asOf=" + today().minusDays(41))
                        .token(supervisor)
                        .send()
                        .json()
                        .toString())
                .doesNotContain(id.toString());
        // no market feature in this build: needs and offers are empty, and the answer says why
        boolean answered = chain.get("marketAnswered").asBoolean();
        if (!answered) {
            assertThat(link(chain, "POLYSILICON").get("needs")).isEmpty();
        }
    }

    @Test
    void aBlockerIsOpenUnderItsProjectAndAsTheAppealOfItsEnterprise() {
        String producer = enterpriseId();
        register(producer, "包头多晶硅链测试有限公司", IndustryChainPosition.POLYSILICON);
        Map<String, Object> body = project("多晶硅堵点链测试项目 (chain blocker)", 60, 30);
        body.put("enterpriseIds", List.of(producer));
        UUID id = register(body);
        var raised = api.post("/api/projects/" + id + "/blockers")
                .token(official)
                .body(Map.of(
                        "title", "还原炉用电指标未落实",
                        "description", "二期还原炉需新增用电指标。",
                        "category", "POWER",
                        "urgency", "URGENT"))
                .send();
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        UUID appeal = UUID.fromString(raised.json().get("appealId").asText());
        // the appeals service files the blocker's appeal for the enterprise
        eventStore.publish(new GenericDomainEventMessage<>(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        producer,
                        "还原炉用电指标未落实",
                        "二期还原炉需新增用电指标。",
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        List.of(),
                        AppealSource.KEY_PROJECT,
                        null,
                        false,
                        Instant.now())));

        await().untilAsserted(() -> {
            JsonNode chain = chain(supervisor);
            JsonNode enterprise = enterprise(chain, "POLYSILICON", producer);
            assertThat(enterprise.at("/openAppeals/0/appealId").asText()).isEqualTo(appeal.toString());
            assertThat(enterprise.at("/openAppeals/0/blocker").asBoolean()).isTrue();
            JsonNode project = null;
            for (JsonNode p : link(chain, "POLYSILICON").get("projects")) {
                if (p.get("projectId").asText().equals(id.toString())) {
                    project = p;
                }
            }
            assertThat(project).isNotNull();
            assertThat(project.at("/openBlockers/0/appealId").asText()).isEqualTo(appeal.toString());
            // the portal reads this answer: its sample stays true to it
            ContractSamples.verify("projects", "chain", chain);
        });
    }

    @Test
    void enterprisesAndOfficialsMayNotReadTheChain() {
        assertThat(api.get("/api/projects/chain").token(userA).send().status()).isEqualTo(403);
        assertThat(api.get("/api/projects/chain").token(official).send().status())
                .isEqualTo(403);
        assertThat(api.get("/api/projects/chain?asOf=yesterday")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(400);
    }

    private void register(String enterpriseId, String name, IndustryChainPosition position) {
        eventStore.publish(new GenericDomainEventMessage<>(
                "Enterprise",
                enterpriseId,
                0,
                new EnterpriseRegisteredEvent(
                        enterpriseId,
                        name,
                        position,
                        "青山区",
                        new Contact("王经理", "0472-5550101", "contact@example.cn"),
                        Instant.now())));
    }

    private JsonNode chain(String token) {
        var answer = api.get("/api/projects/chain").token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode link(JsonNode chain, String link) {
        for (JsonNode l : chain.get("links")) {
            if (l.get("link").asText().equals(link)) {
                return l;
            }
        }
        throw new AssertionError("no link " + link + " in " + chain);
    }

    private static JsonNode enterprise(JsonNode chain, String link, String enterpriseId) {
        for (JsonNode e : link(chain, link).get("enterprises")) {
            if (e.get("enterpriseId").asText().equals(enterpriseId)) {
                return e;
            }
        }
        throw new AssertionError("no enterprise " + enterpriseId + " under " + link + " in " + chain);
    }

    /** A valid code, unique enough for this JVM's database. */
    private static String enterpriseId() {
        String first17 =
                "9115020" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
