package cn.qinqing.portal.market;

import static cn.qinqing.portal.Users.dispatcher;
import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.leader;
import static cn.qinqing.portal.Users.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.service.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The market pages: an enterprise's posts and matches, the brokers' candidates, the figures, the liaison page. */
class MarketPagesTest extends PortalTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.MessageSource messages;

    static final String A = "91150200MA0QA0001T";
    static final String B = "91150200MA0QB0002M";
    final UUID need = UUID.randomUUID();
    final UUID offer = UUID.randomUUID();
    final UUID match = UUID.randomUUID();

    Market.Post aPost(UUID id, String enterprise, String kind, String product, String status) {
        return new Market.Post(
                id,
                enterprise,
                "包头稀土高新硅业有限公司",
                "稀土高新区",
                kind,
                "NEED".equals(kind) ? "SUPPLY" : null,
                product,
                "POLYSILICON",
                new BigDecimal("3000"),
                "TONNES",
                "每月250吨",
                null,
                status,
                Instant.now(),
                Instant.now(),
                null,
                null,
                null,
                null,
                1);
    }

    Market.Match match(String status, String offerName) {
        return match(status, offerName, null, null);
    }

    Market.Match match(String status, String offerName, String declinedBy, String declineReason) {
        List<Market.ScorePart> why = List.of(new Market.ScorePart("CHAIN_LINK", 50, "same link: POLYSILICON"));
        return new Market.Match(
                match,
                "POLYSILICON",
                97,
                why,
                status,
                new Market.Side(need, "N型多晶硅", "POLYSILICON", BigDecimal.TEN, "TONNES", A, "甲", "青山区", "甲", null),
                new Market.Side(
                        offer,
                        "高纯多晶硅",
                        "POLYSILICON",
                        BigDecimal.TEN,
                        "TONNES",
                        offerName == null ? null : B,
                        offerName,
                        "稀土高新区",
                        "x",
                        Instant.now()),
                "dispatcher",
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                declinedBy,
                declinedBy == null ? null : Instant.now(),
                declineReason,
                "NEED",
                1);
    }

    @Test
    void anEnterpriseSeesTheOtherSideOnlyAsItsDistrictAndLinkUntilBothConsented() throws Exception {
        when(markets.posts(null, null)).thenReturn(List.of(aPost(need, A, "NEED", "N型多晶硅", "PUBLISHED")));
        when(markets.matches()).thenReturn(List.of(match("PROPOSED", null)));

        String page = mvc.perform(get("/markets").with(enterpriseA()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("稀土高新区一家多晶硅环节企业").doesNotContain("包头稀土高新硅业有限公司");
        assertThat(page).contains("/markets/matches/" + match + "/consent").contains("提交早餐会");
    }

    @Test
    void anEnterpriseDeclinesAMatchWithItsReasonAndThenSeesItEnded() throws Exception {
        when(markets.posts(null, null)).thenReturn(List.of());
        when(markets.matches()).thenReturn(List.of(match("PROPOSED", null)));
        String open = mvc.perform(get("/markets").with(enterpriseA()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(open).contains("/markets/matches/" + match + "/decline").contains("婉拒原因");

        when(markets.decline(match, "本季度产能已排满")).thenReturn(2L);
        mvc.perform(post("/markets/matches/" + match + "/decline")
                        .param("reason", "本季度产能已排满")
                        .with(enterpriseA())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        org.mockito.Mockito.verify(markets).decline(match, "本季度产能已排满");

        when(markets.matches()).thenReturn(List.of(match("DECLINED", null, "NEED", "本季度产能已排满")));
        String declined = mvc.perform(get("/markets").with(enterpriseA()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(declined)
                .contains("已婉拒", "已婉拒：本季度产能已排满")
                .doesNotContain("/markets/matches/" + match + "/consent")
                .doesNotContain("/markets/matches/" + match + "/decline")
                .doesNotContain("等待对方同意");
    }

    @Test
    void aNeedLocalOffersCouldStillServeIsNotReferredAndThePageSaysWhyInTheUsersLanguage() throws Exception {
        String detail = "本地仍有 1 条供应可对接（高纯多晶硅），由经办部门先行撮合；本地供应无法满足时再提交早餐会。"
                + " (1 open local offer(s) could still serve this need (高纯多晶硅): the city brokers them first;"
                + " refer it once none remains.)";
        doThrow(new ApiProblem("projects", 409, "local-supply-available", detail, List.of()))
                .when(markets)
                .referToMeeting(need);
        var refused = mvc.perform(post("/markets/posts/" + need + "/refer")
                        .with(enterpriseA())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(refused.getFlashMap().get("problemCode")).isEqualTo("local-supply-available");

        assertThat(refused.getFlashMap().get("problem")).isEqualTo(detail);
        // the enterprise page shows problem.<code> in the user's language, the service's text where there is none
        assertThat(messages.getMessage("problem.local-supply-available", null, java.util.Locale.SIMPLIFIED_CHINESE))
                .startsWith("本地仍有企业的供应可以满足这项需求：经办部门会先为您撮合本地供应");
        assertThat(messages.getMessage("problem.local-supply-available", null, java.util.Locale.ENGLISH))
                .startsWith("Local enterprises still offer what this need asks for");

        when(markets.posts(null, null)).thenReturn(List.of(aPost(need, A, "NEED", "N型多晶硅", "PUBLISHED")));
        when(markets.matches()).thenReturn(List.of());
        String page = mvc.perform(get("/markets").with(enterpriseA()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).as("the button says when to use it").contains("本地供应无法满足时，提交下一次政企早餐会");
    }

    @Test
    void aBlankReasonToDeclineIsShownAsTheServicesProblem() throws Exception {
        doThrow(new ApiProblem(
                        "projects",
                        400,
                        "invalid-request",
                        "reason must not be blank",
                        List.of(new ApiProblem.FieldProblem("reason", "must not be blank"))))
                .when(markets)
                .decline(match, null);
        mvc.perform(post("/markets/matches/" + match + "/decline")
                        .with(enterpriseA())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "reason must not be blank"));
    }

    @Test
    void aNegativeQuantityIsRefusedBesideItsField() throws Exception {
        doThrow(new ApiProblem(
                        "projects",
                        400,
                        "invalid-request",
                        "quantity.amount must be more than zero",
                        List.of(new ApiProblem.FieldProblem("quantity.amount", "must be more than zero"))))
                .when(markets)
                .draft(any());

        String page = mvc.perform(post("/markets/posts")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("kind", "NEED")
                        .param("needType", "SUPPLY")
                        .param("product", "多晶硅")
                        .param("chainLink", "POLYSILICON")
                        .param("amount", "-5")
                        .param("unit", "TONNES"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"post-amount-error\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void aBrokerReadsEachCandidatesScoreInParts() throws Exception {
        when(markets.post(need)).thenReturn(aPost(need, A, "NEED", "N型多晶硅", "PUBLISHED"));
        when(markets.candidates(need))
                .thenReturn(List.of(new Market.Candidate(
                        aPost(offer, B, "OFFER", "高纯多晶硅", "PUBLISHED"),
                        97,
                        List.of(
                                new Market.ScorePart("CHAIN_LINK", 50, "same link: POLYSILICON"),
                                new Market.ScorePart("PRODUCT", 27, "product words in common: 多晶 晶硅"),
                                new Market.ScorePart("QUANTITY", 20, "capacity covers")),
                        null)));

        String page = mvc.perform(get("/markets/broker/posts/" + need).with(dispatcher()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("97 分", "产业链环节 +50 · same link: POLYSILICON", "产品 +27", "提出对接");
        assertThat(mvc.perform(get("/markets/broker").with(enterpriseA()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theFiguresShowEachLinksLocalSupportingRate() throws Exception {
        when(markets.figures(null))
                .thenReturn(new Market.Figures(
                        LocalDate.now(),
                        List.of(new Market.LinkMonth(
                                "POLYSILICON", "2026-12", 1, 1, 1, new BigDecimal("186000000.00"))),
                        List.of(new Market.LinkSupport(
                                "POLYSILICON", 1, 1, new BigDecimal("100.0"), new BigDecimal("186000000.00"), 0)),
                        1,
                        1,
                        1,
                        new BigDecimal("186000000.00")));

        String page = mvc.perform(get("/markets/figures").with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("本地配套率", "100.0%", "186000000.00 元");
    }

    @Test
    void theLiaisonPageListsTheEnterprisesOpenPosts() throws Exception {
        when(liaisons.mine())
                .thenReturn(new cn.qinqing.portal.leader.liaison.Liaison(
                        "leader",
                        "孙建国",
                        Instant.now(),
                        List.of(B),
                        List.of(),
                        List.of(),
                        new cn.qinqing.portal.oversight.Oversight.Freshness(10L, 10, true, false)));
        when(markets.posts("PUBLISHED", null)).thenReturn(List.of(aPost(offer, B, "OFFER", "高纯多晶硅", "PUBLISHED")));

        String page = mvc.perform(get("/leader/liaison").with(leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("在市场上的供需信息", "高纯多晶硅");
    }
}
