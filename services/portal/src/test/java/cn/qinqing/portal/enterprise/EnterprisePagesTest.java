package cn.qinqing.portal.enterprise;

import static cn.qinqing.portal.Users.ENTERPRISE_A;
import static cn.qinqing.portal.Users.enterpriseA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.appeal.Appeal;
import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.appeal.Enterprise;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceUnavailableException;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

/** The enterprise's pages against a mocked appeals API: what the user sees for each answer the API can give. */
class EnterprisePagesTest extends PortalTestBase {

    static final Enterprise REGISTERED = new Enterprise(
            ENTERPRISE_A,
            "包头青山光伏材料有限公司",
            "WAFER",
            "青山区",
            new Enterprise.Contact("王经理", "0472-5550101", null),
            Instant.parse("2026-01-05T02:00:00Z"));

    static final UUID ID = UUID.fromString("6f1c0c1e-0000-4000-8000-000000000001");

    @BeforeEach
    void registered() {
        when(appeals.enterprise(ENTERPRISE_A)).thenReturn(Optional.of(REGISTERED));
        when(appeals.list(any(), any(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(new AppealsApi.Page(List.of(appeal("FILED")), null));
    }

    static Appeal appeal(String status) {
        return new Appeal(
                ID,
                ENTERPRISE_A,
                "光伏组件项目用电增容",
                "新建产线需要增容 2000 千伏安。",
                "POWER",
                "URGENT",
                "ONLINE",
                null,
                null,
                false,
                List.of(),
                status,
                "industry-it",
                0,
                null,
                Instant.parse("2026-03-02T01:30:00Z"),
                Instant.parse("2026-03-02T01:30:00Z"),
                3);
    }

    @Test
    void fieldErrorsOfTheApiAreShownNextToTheirFieldsInChinese() throws Exception {
        when(appeals.file(any(), anyString(), any()))
                .thenThrow(new ApiProblem(
                        "appeals",
                        400,
                        "invalid-request",
                        "title must not be blank; category must not be null",
                        List.of(
                                new ApiProblem.FieldProblem("title", "must not be blank"),
                                new ApiProblem.FieldProblem("category", "must not be null"),
                                new ApiProblem.FieldProblem("description", "size must be between 0 and 5000"))));

        String page = mvc.perform(post("/enterprise/appeals/new")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("title", "")
                        .param("description", "x".repeat(10))
                        .param("idempotencyKey", "k-1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("请检查以下内容");
        assertThat(page).contains("<p class=\"error\" id=\"title-error\">");
        assertThat(page).containsPattern("id=\"title-error\">\\s*<span>请填写此项</span>");
        assertThat(page).containsPattern("id=\"description-error\">\\s*<span>最多 5000 个字</span>");
        assertThat(page)
                .containsPattern("<input type=\"text\" id=\"title\" name=\"title\" value=\"\""
                        + " aria-describedby=\"title-error title-hint\" aria-invalid=\"true\" aria-required=\"true\"");
        assertThat(page).containsPattern("<select id=\"category\" name=\"category\" aria-describedby=\"category-error");
        assertThat(page).as("the text typed is kept").contains("xxxxxxxxxx</textarea>");
        assertThat(page).as("the same idempotency key is sent again").contains("value=\"k-1\"");
    }

    @Test
    void fieldErrorsAreInEnglishForAnEnglishReader() throws Exception {
        when(appeals.file(any(), anyString(), any()))
                .thenThrow(new ApiProblem(
                        "appeals",
                        400,
                        "invalid-request",
                        "",
                        List.of(new ApiProblem.FieldProblem("title", "must not be blank"))));

        mvc.perform(post("/enterprise/appeals/new")
                        .with(enterpriseA())
                        .with(csrf())
                        .cookie(new Cookie("QINQING_PORTAL_LANG", "en"))
                        .param("title", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please fill this in")))
                .andExpect(content().string(containsString("Please check the following")))
                .andExpect(content().string(not(containsString("请填写此项"))));
    }

    @Test
    void aMessageThePortalDoesNotKnowIsShownAsTheServiceWroteIt() throws Exception {
        when(appeals.file(any(), anyString(), any()))
                .thenThrow(new ApiProblem(
                        "appeals",
                        400,
                        "invalid-request",
                        "",
                        List.of(new ApiProblem.FieldProblem("title", "must rhyme with 亲清"))));

        mvc.perform(post("/enterprise/appeals/new").with(enterpriseA()).with(csrf()))
                .andExpect(content().string(containsString("must rhyme with 亲清")));
    }

    @Test
    void aFiledAppealOpensItsPageWithAConfirmation() throws Exception {
        when(appeals.file(any(), eq("key-7"), any())).thenReturn(ID);

        mvc.perform(post("/enterprise/appeals/new")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("title", "用电增容")
                        .param("description", "需要增容")
                        .param("category", "POWER")
                        .param("urgency", "URGENT")
                        .param("idempotencyKey", "key-7"))
                .andExpect(redirectedUrl("/appeals/" + ID))
                .andExpect(flash().attribute("notice", "notice.appealFiled"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> request = ArgumentCaptor.forClass(Map.class);
        verify(appeals).file(request.capture(), eq("key-7"), any());
        assertThat(request.getValue())
                .containsEntry("title", "用电增容")
                .containsEntry("category", "POWER")
                .containsEntry("urgency", "URGENT")
                .containsEntry("manualDispatch", false);
    }

    @Test
    void anUnregisteredEnterpriseIsAskedToRegisterBeforeFiling() throws Exception {
        when(appeals.enterprise(ENTERPRISE_A)).thenReturn(Optional.empty());

        mvc.perform(get("/enterprise").with(enterpriseA()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("贵企业尚未注册")));
        mvc.perform(get("/enterprise/appeals/new").with(enterpriseA()))
                .andExpect(redirectedUrl("/enterprise/registration"));
        mvc.perform(get("/enterprise/registration").with(enterpriseA()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + ENTERPRISE_A + "\"")));
    }

    @Test
    void registrationErrorsOfNestedContactFieldsLandOnTheirInputs() throws Exception {
        when(appeals.enterprise(ENTERPRISE_A)).thenReturn(Optional.empty());
        doThrow(new ApiProblem(
                        "appeals",
                        400,
                        "invalid-request",
                        "",
                        List.of(
                                new ApiProblem.FieldProblem("contact.phone", "must be a phone number"),
                                new ApiProblem.FieldProblem(
                                        "uscc",
                                        "is not a valid Unified Social Credit Code: check character does not match"
                                                + " (GB 32100-2015)"))))
                .when(appeals)
                .register(any());

        String page = mvc.perform(post("/enterprise/registration")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("contactPhone", "12"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).containsPattern("id=\"contactPhone-error\">\\s*<span>请填写有效的电话号码");
        assertThat(page).containsPattern("id=\"uscc-error\">\\s*<span>校验位不符");
        assertThat(page).contains("aria-describedby=\"contactPhone-error contactPhone-hint\"");
    }

    @Test
    void myAppealsShowTheirStatusInTheReadersLanguage() throws Exception {
        mvc.perform(get("/enterprise/appeals").with(enterpriseA()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("光伏组件项目用电增容")))
                .andExpect(content().string(containsString("已提交")))
                .andExpect(content().string(containsString("用电用能")));
        mvc.perform(get("/enterprise/appeals?lang=en").with(enterpriseA()))
                .andExpect(content().string(containsString(">Filed<")))
                .andExpect(content().string(containsString("Power and energy")));
    }

    @Test
    void anAppealsPageShowsTheDepartmentByNameAndTheEnterprisesForms() throws Exception {
        when(appeals.appealAtLeast(eq(ID), anyLong())).thenReturn(appeal("SIGNED_FOR"));
        when(appeals.timeline(ID)).thenReturn(List.of());

        mvc.perform(get("/appeals/" + ID).with(enterpriseA()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工业和信息化局")))
                .andExpect(content().string(containsString("id=\"supplement-form\"")))
                .andExpect(content().string(containsString("id=\"withdrawal-text\"")));
    }

    @Test
    void anAppealTheApiHidesIsNotFound() throws Exception {
        when(appeals.appealAtLeast(eq(ID), anyLong()))
                .thenThrow(new ApiProblem("appeals", 404, "not-found", "no", List.of()));

        mvc.perform(get("/appeals/" + ID).with(enterpriseA()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("找不到该内容")));
    }

    @Test
    void aStaleSupplementShowsTheNewStateAndKeepsTheText() throws Exception {
        when(appeals.appealAtLeast(eq(ID), anyLong())).thenReturn(appeal("DISPATCHED"));
        when(appeals.timeline(ID)).thenReturn(List.of());
        doThrow(new ApiProblem("appeals", 409, "stale-version", "changed", List.of()))
                .when(appeals)
                .supplement(eq(ID), anyLong(), anyString(), any());

        mvc.perform(post("/enterprise/appeals/" + ID + "/supplement")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("version", "1")
                        .param("text", "电力公司已经现场勘查"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("有人修改了这条内容")))
                .andExpect(content().string(containsString("电力公司已经现场勘查</textarea>")))
                .andExpect(content().string(containsString("name=\"version\" value=\"3\"")));
    }

    @Test
    void aServiceThatIsDownShowsAFriendlyPageInsteadOfAStackTrace() throws Exception {
        when(appeals.enterprise(ENTERPRISE_A))
                .thenThrow(new ServiceUnavailableException("appeals", "connection refused", null));

        mvc.perform(get("/enterprise").with(enterpriseA()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("诉求服务暂时无法访问")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void anAnsweredAppealShowsTheAnswerAndLetsTheEnterpriseRateIt() throws Exception {
        when(appeals.appealAtLeast(eq(ID), anyLong())).thenReturn(appeal("ANSWERED"));
        com.fasterxml.jackson.databind.node.ObjectNode details =
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        details.put("answer", "已协调供电公司，本周内完成增容。");
        details.put("outcome", "SOLVED");
        details.put("ratingDueAt", "2026-03-20T10:00:00Z");
        when(appeals.timeline(ID))
                .thenReturn(List.of(new cn.qinqing.portal.appeal.TimelineEntry(
                        "e-1", Instant.parse("2026-03-13T02:00:00Z"), "ANSWERED", null, "OFFICIAL", details)));

        String page = mvc.perform(get("/appeals/" + ID).with(enterpriseA()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("已协调供电公司，本周内完成增容。").contains("已解决");
        assertThat(page)
                .contains("请在 2026-03-20 18:00 前评价")
                .contains("id=\"rating-form\"")
                .contains("id=\"reopen-form\"");

        when(appeals.rate(ID, 3, 5, "满意")).thenReturn(4L);
        mvc.perform(post("/enterprise/appeals/" + ID + "/rating")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("version", "3")
                        .param("rating", "5")
                        .param("text", "满意"))
                .andExpect(redirectedUrl("/appeals/" + ID + "?v=4"))
                .andExpect(flash().attribute("notice", "notice.rated"));
    }

    @Test
    void theReopeningFormTakesFilesAndPassesThemOnToTheApi() throws Exception {
        when(appeals.appealAtLeast(eq(ID), anyLong())).thenReturn(appeal("ANSWERED"));
        when(appeals.timeline(ID)).thenReturn(List.of());
        String page = mvc.perform(get("/appeals/" + ID).with(enterpriseA()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .as("a multipart form, sent with a progress bar, with a file field of its own")
                .contains("enctype=\"multipart/form-data\" data-upload novalidate class=\"form\" id=\"reopen-form\"")
                .containsPattern("<input type=\"file\" multiple id=\"reopen-files\" name=\"files\"");

        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        when(appeals.reopen(eq(ID), eq(3L), eq("增容后仍频繁跳闸，见现场照片"), any())).thenReturn(5L);
        mvc.perform(multipart("/enterprise/appeals/" + ID + "/reopening")
                        .file(new MockMultipartFile("files", "现场照片.jpg", "image/jpeg", photo))
                        .with(enterpriseA())
                        .with(csrf())
                        .param("version", "3")
                        .param("text", "增容后仍频繁跳闸，见现场照片"))
                .andExpect(redirectedUrl("/appeals/" + ID + "?v=5"))
                .andExpect(flash().attribute("notice", "notice.reopened"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<MultipartFile>> files = ArgumentCaptor.forClass(List.class);
        verify(appeals).reopen(eq(ID), eq(3L), eq("增容后仍频繁跳闸，见现场照片"), files.capture());
        assertThat(files.getValue()).singleElement().satisfies(file -> {
            assertThat(file.getOriginalFilename()).isEqualTo("现场照片.jpg");
            assertThat(file.getBytes()).isEqualTo(photo);
        });
    }

    @Test
    void aFileTheServiceRefusesIsShownBesideTheReopeningsFileFieldByItsName() throws Exception {
        when(appeals.appealAtLeast(eq(ID), anyLong())).thenReturn(appeal("ANSWERED"));
        when(appeals.timeline(ID)).thenReturn(List.of());
        when(appeals.reopen(eq(ID), anyLong(), anyString(), any()))
                .thenThrow(new ApiProblem(
                        "appeals",
                        415,
                        "document-type-not-accepted",
                        "",
                        List.of(new ApiProblem.FieldProblem("files[0]", "is of type application/x-msdownload"))));

        String page = mvc.perform(multipart("/enterprise/appeals/" + ID + "/reopening")
                        .file(new MockMultipartFile("files", "照片.jpg", "image/jpeg", new byte[] {'M', 'Z'}))
                        .with(enterpriseA())
                        .with(csrf())
                        .param("version", "3")
                        .param("text", "仍未解决"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).containsPattern("id=\"reopen-files-error\">\\s*<span>不接受这种文件（按内容识别）：照片.jpg");
        assertThat(page).as("the reason typed is kept").contains("仍未解决</textarea>");
    }
}
