package cn.qinqing.portal.industry;

import static cn.qinqing.portal.Users.dispatcher;
import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.leader;
import static cn.qinqing.portal.Users.official;
import static cn.qinqing.portal.Users.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The industrial chain page: the links left to right with their enterprises, projects and appeals, each a link. */
class IndustryChainPagesTest extends PortalTestBase {

    static final UUID PROJECT = UUID.randomUUID();
    static final UUID APPEAL = UUID.randomUUID();
    static final UUID BLOCKER_APPEAL = UUID.randomUUID();

    @BeforeEach
    void chain() {
        List<IndustryChain.Link> links = new java.util.ArrayList<>();
        for (String link : List.of("INDUSTRIAL_SILICON", "POLYSILICON", "MONOCRYSTALLINE", "WAFER", "CELL", "MODULE")) {
            links.add(
                    switch (link) {
                        case "WAFER" ->
                            new IndustryChain.Link(
                                    link,
                                    List.of(new IndustryChain.Enterprise(
                                            "91150200MA0QA0001T",
                                            "包头青山光伏材料有限公司",
                                            "青山区",
                                            true,
                                            List.of(
                                                    new IndustryChain.Appeal(APPEAL, "切片车间用工招聘难", Instant.now(), false),
                                                    new IndustryChain.Appeal(
                                                            BLOCKER_APPEAL, "110千伏增容接入未批", Instant.now(), true)))),
                                    List.of(new IndustryChain.Project(
                                            PROJECT,
                                            "20GW大尺寸单晶硅片项目",
                                            List.of("91150200MA0QA0001T"),
                                            "CONSTRUCTION_STARTED",
                                            true,
                                            "EQUIPMENT_INSTALLED",
                                            LocalDate.of(2026, 11, 26),
                                            List.of(new IndustryChain.Blocker(
                                                    UUID.randomUUID(), BLOCKER_APPEAL, "110千伏增容接入未批")))),
                                    List.of(),
                                    List.of());
                        default -> new IndustryChain.Link(link, List.of(), List.of(), List.of(), List.of());
                    });
        }
        when(industryChains.chain(any())).thenReturn(new IndustryChain(LocalDate.of(2026, 12, 6), links, false));
    }

    @Test
    void aSupervisorSeesTheLinksUpstreamFirstWithEnterprisesChainMastersProjectsAndAppealsEachALink() throws Exception {
        String page = mvc.perform(get("/industry-chain").with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).containsSubsequence("工业硅", "多晶硅", "单晶硅", "硅片", "电池片", "组件");
        assertThat(page)
                .contains("<h2 id=\"link-heading-WAFER\"")
                .contains("包头青山光伏材料有限公司", "链主", "20GW大尺寸单晶硅片项目", "开工", "节点逾期")
                .contains("href=\"/projects/" + PROJECT + "\"")
                .contains("href=\"/appeals/" + APPEAL + "\"")
                .contains("href=\"/appeals/" + BLOCKER_APPEAL + "\"")
                .contains("供需对接信息暂不可用");
        assertThat(page).as("a supervisor has no liaison page").doesNotContain("/leader/liaison#");
    }

    @Test
    void aLeaderFollowsAnEnterpriseToTheLiaisonPageAndReadsItInEnglish() throws Exception {
        String page = mvc.perform(get("/industry-chain?lang=en").with(leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("href=\"/leader/liaison#enterprise-91150200MA0QA0001T\"")
                .contains("Industry chain", "Chain master", "Open blockers");
    }

    @Test
    void theChainIsInTheNavOfLeadersAndSupervisorsAndDispatchersMayOpenIt() throws Exception {
        String page = mvc.perform(get("/industry-chain").with(dispatcher()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/industry-chain\"");
        // the project pages refuse a dispatcher, so the chain names the project without a link to a 403
        assertThat(page).contains("20GW大尺寸单晶硅片项目").doesNotContain("href=\"/projects/" + PROJECT + "\"");
        mvc.perform(get("/projects/" + PROJECT).with(dispatcher())).andExpect(status().isForbidden());
    }

    @Test
    void enterprisesAndOfficialsCannotOpenTheChain() throws Exception {
        mvc.perform(get("/industry-chain").with(enterpriseA())).andExpect(status().isForbidden());
        mvc.perform(get("/industry-chain").with(official())).andExpect(status().isForbidden());
    }
}
