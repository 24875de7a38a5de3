package cn.qinqing.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.Users;
import cn.qinqing.portal.config.PortalProperties;
import cn.qinqing.portal.service.ApiProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/** The administrator's pages against a mocked API: who may open them, what they show, and refusals beside fields. */
class AdminPagesTest extends PortalTestBase {

    static final Instant MARCH = Instant.parse("2026-02-01T02:00:00Z");
    static final UUID RULE = UUID.fromString("7a1c0c1e-0000-4000-8000-000000000020");

    @Autowired
    PortalProperties portal;

    static OidcLoginRequestPostProcessor admin() {
        return Users.user("admin", "ADMIN", null, null);
    }

    static Directory.AsOf directory(String head) {
        return new Directory.AsOf(
                Instant.now(),
                List.of(new Directory.Department("industry-it", "工业和信息化局", "city", "head", head, MARCH, "admin")),
                List.of(new Directory.Leader(
                        "head", head, "局长", "DEPARTMENT_HEAD", "industry-it", "leader", MARCH, "admin")),
                List.of(new Directory.Official("official", "李明", "industry-it", MARCH, "admin")),
                List.of());
    }

    static Directory.Rule rule(String department) {
        return new Directory.Rule(RULE, 3, "POWER", null, null, department, MARCH, null, "admin");
    }

    @BeforeEach
    void directoryNow() {
        when(admin.directory(null)).thenReturn(directory("周局长"));
        when(admin.enterprises()).thenReturn(List.of());
        when(admin.rules(any())).thenReturn(List.of(rule("industry-it")));
        when(admin.changes(anyString(), anyString())).thenReturn(List.of());
    }

    @Test
    void everyoneButAnAdminIsRefusedEveryAdminPageAndNothingIsCalled() throws Exception {
        for (OidcLoginRequestPostProcessor user : List.of(
                Users.enterpriseA(), Users.dispatcher(), Users.official(), Users.leader(), Users.supervisor())) {
            for (String page : List.of(
                    "/admin",
                    "/admin/directory",
                    "/admin/rules",
                    "/admin/calendar",
                    "/admin/sla-tiers",
                    "/admin/users",
                    "/admin/clients")) {
                mvc.perform(get(page).with(user)).andExpect(status().isForbidden());
            }
            mvc.perform(post("/admin/rules").with(user).with(csrf()).param("departmentId", "transport"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/directory/departments/new")
                            .with(user)
                            .with(csrf())
                            .param("id", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/calendar").with(user).with(csrf()).param("year", "2027"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/clients").with(user).with(csrf()).param("clientId", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/clients/enterprise-a-client/enabled")
                            .with(user)
                            .with(csrf())
                            .param("enabled", "false"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(admin, identity, deadLetters);
    }

    @Test
    void theDirectoryOnAPastDayNamesWhoHeadedTheDepartmentThen() throws Exception {
        Instant endOfFirstMarch = Instant.parse("2026-03-01T15:59:59.999Z");
        when(admin.directory(endOfFirstMarch)).thenReturn(directory("钱局长"));

        String page = mvc.perform(
                        get("/admin/directory").param("date", "2026-03-01").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String today = mvc.perform(get("/admin/directory").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String badDate = mvc.perform(
                        get("/admin/directory").param("date", "1 March").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("钱局长").contains("id=\"as-of-note\"").doesNotContain("id=\"new-department\"");
        assertThat(today).contains("周局长").contains("id=\"new-department\"");
        assertThat(badDate).contains("id=\"date-error\"").contains("周局长");
    }

    @Test
    void aDepartmentTheDirectoryRefusesIsShownAgainWithTheReasonBesideTheField() throws Exception {
        when(admin.register(eq("departments"), any()))
                .thenThrow(new ApiProblem(
                        "assignment",
                        400,
                        "invalid-request",
                        "invalid",
                        List.of(new ApiProblem.FieldProblem(
                                "departmentId", "must be a slug such as industry-it (a-z, 0-9, -)"))));

        String page = mvc.perform(post("/admin/directory/departments/new")
                        .with(admin())
                        .with(csrf())
                        .param("id", "科技局")
                        .param("name", "科学技术局")
                        .param("parentDepartmentId", "city"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"entry-id-error\"").contains("科学技术局");
        verify(admin)
                .register("departments", Map.of("departmentId", "科技局", "name", "科学技术局", "parentDepartmentId", "city"));
    }

    @Test
    void aRegisteredOfficialOpensTheirEntryWithItsHistory() throws Exception {
        when(admin.register(eq("officials"), any())).thenReturn(0L);
        when(admin.official("official-sci"))
                .thenReturn(new Directory.OfficialEntry("official-sci", "赵敏", "industry-it", 0L));
        when(admin.changes("OFFICIAL", "official-sci"))
                .thenReturn(List.of(new Directory.Change(
                        MARCH,
                        "admin",
                        "ADMIN",
                        "OFFICIAL_REGISTERED",
                        "OFFICIAL",
                        "official-sci",
                        new ObjectMapper().readTree("{\"name\":\"赵敏\",\"departmentId\":\"industry-it\"}"))));

        mvc.perform(post("/admin/directory/officials/new")
                        .with(admin())
                        .with(csrf())
                        .param("id", "official-sci")
                        .param("name", "赵敏")
                        .param("departmentId", "industry-it"))
                .andExpect(redirectedUrl("/admin/directory/officials/official-sci"));
        String entry = mvc.perform(
                        get("/admin/directory/officials/official-sci").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(entry).contains("id=\"history\"").contains("新增工作人员").contains("admin");
    }

    @Test
    void theDryRunNamesTheDepartmentOrTheQueueAndAsksForTheCategory() throws Exception {
        when(admin.route("POWER", null, null)).thenReturn(Optional.of(rule("industry-it")));
        when(admin.route("OTHER", null, null)).thenReturn(Optional.empty());

        String routed = mvc.perform(get("/admin/rules")
                        .param("dryRun", "1")
                        .param("category", "POWER")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String queued = mvc.perform(get("/admin/rules")
                        .param("dryRun", "1")
                        .param("category", "OTHER")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String incomplete = mvc.perform(get("/admin/rules").param("dryRun", "1").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(routed).contains("id=\"dry-run-result\"").contains("按现行规则将派至");
        assertThat(queued).contains("待派单队列");
        assertThat(incomplete).contains("id=\"probe-category-error\"").doesNotContain("id=\"dry-run-result\"");
    }

    @Test
    void aStaleRuleChangeShowsTheLatestRuleAndChangesNothing() throws Exception {
        when(admin.rule(RULE))
                .thenReturn(new Directory.RuleHistory(RULE, true, rule("transport"), List.of(rule("transport"))));
        when(admin.changeRule(eq(RULE), eq(2L), any()))
                .thenThrow(new ApiProblem("assignment", 409, "stale-version", "stale", List.of()));

        String page = mvc.perform(post("/admin/rules/" + RULE)
                        .with(admin())
                        .with(csrf())
                        .param("version", "2")
                        .param("category", "POWER")
                        .param("departmentId", "industry-it"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("有人修改了这条内容").contains("name=\"version\" value=\"3\"");
        verify(admin, never()).retireRule(any(), anyLong());
    }

    @Test
    void aCalendarWithAMalformedHolidayLineIsRefusedBesideTheFieldAndNotLoaded() throws Exception {
        when(admin.calendar(anyInt()))
                .thenReturn(new Directory.CalendarYear(2027, true, "暂定", "BUNDLED", List.of(), List.of()));

        String page = mvc.perform(post("/admin/calendar")
                        .with(admin())
                        .with(csrf())
                        .param("year", "2027")
                        .param("source", "国务院办公厅关于2027年部分节假日安排的通知")
                        .param("holidays", "元旦 2027-01-01\n春节 2027-02-0x 2027-02-13")
                        .param("makeUpWorkingDays", "2027-02-07"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"calendar-holidays-error\"").contains("第 2 行");
        verify(admin, never()).loadCalendar(anyInt(), any());

        mvc.perform(post("/admin/calendar")
                        .with(admin())
                        .with(csrf())
                        .param("year", "2027")
                        .param("source", "国务院办公厅关于2027年部分节假日安排的通知")
                        .param("holidays", "元旦 2027-01-01\n春节 2027-02-05 2027-02-13")
                        .param("makeUpWorkingDays", "2027-02-07, 2027-02-20"))
                .andExpect(redirectedUrl("/admin/calendar?year=2027"));
        verify(admin)
                .loadCalendar(
                        2027,
                        Map.of(
                                "year",
                                2027,
                                "provisional",
                                false,
                                "source",
                                "国务院办公厅关于2027年部分节假日安排的通知",
                                "holidays",
                                List.of(
                                        Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-01"),
                                        Map.of("name", "春节", "from", "2027-02-05", "to", "2027-02-13")),
                                "makeUpWorkingDays",
                                List.of("2027-02-07", "2027-02-20")));
    }

    @Test
    void aUserTheIdentityServiceRefusesIsShownAgainWithTheReasonBesideThePassword() throws Exception {
        when(identity.users()).thenReturn(List.of());
        org.mockito.Mockito.doThrow(new ApiProblem(
                        "identity",
                        400,
                        "invalid-request",
                        "invalid",
                        List.of(new ApiProblem.FieldProblem("password", "must have 12 to 200 characters"))))
                .when(identity)
                .createUser(any());

        String page = mvc.perform(post("/admin/users")
                        .with(admin())
                        .with(csrf())
                        .param("username", "official-sci")
                        .param("displayName", "赵敏")
                        .param("role", "OFFICIAL")
                        .param("departmentId", "industry-it")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"user-password-error\"").contains("official-sci");
    }

    @Test
    void anEnterprisesClientSecretIsShownOnTheAnswerToItsCreationOnly() throws Exception {
        when(identity.clients())
                .thenReturn(List.of(new IdentityApi.Client(
                        "enterprise-a-erp",
                        "ERP",
                        List.of("client_credentials"),
                        "ENTERPRISE",
                        Users.ENTERPRISE_A,
                        true)));
        when(identity.createClient(any())).thenReturn(new IdentityApi.Secret("enterprise-a-erp", "s3cr3t-shown-once"));

        String created = mvc.perform(post("/admin/clients")
                        .with(admin())
                        .with(csrf())
                        .param("clientId", "enterprise-a-erp")
                        .param("name", "ERP")
                        .param("enterpriseId", Users.ENTERPRISE_A))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String later = mvc.perform(get("/admin/clients").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(created).contains("s3cr3t-shown-once");
        assertThat(later).contains("enterprise-a-erp").doesNotContain("s3cr3t-shown-once");
    }

    @Test
    void anAdminDisablesAClientAndEnablesItAgainFromTheList() throws Exception {
        when(identity.clients())
                .thenReturn(List.of(
                        new IdentityApi.Client(
                                "enterprise-a-erp",
                                "ERP",
                                List.of("client_credentials"),
                                "ENTERPRISE",
                                Users.ENTERPRISE_A,
                                true),
                        new IdentityApi.Client(
                                "enterprise-b-mes",
                                "MES",
                                List.of("client_credentials"),
                                "ENTERPRISE",
                                "91150200MA0QB0002M",
                                false)));

        String list = mvc.perform(get("/admin/clients").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/admin/clients/enterprise-a-erp/enabled")
                        .with(admin())
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(redirectedUrl("/admin/clients"))
                .andExpect(flash().attribute("notice", "notice.admin.clientDisabled"));
        mvc.perform(post("/admin/clients/enterprise-b-mes/enabled")
                        .with(admin())
                        .with(csrf())
                        .param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/clients"))
                .andExpect(flash().attribute("notice", "notice.admin.clientEnabled"));

        assertThat(list).contains("id=\"client-state-enterprise-a-erp\"", "停用", "已停用（不能取得令牌）", "重新启用");
        verify(identity).enableClient("enterprise-a-erp", Map.of("enabled", false));
        verify(identity).enableClient("enterprise-b-mes", Map.of("enabled", true));
    }

    @Test
    void aClientStateTheIdentityServiceRefusesIsShownWithItsReason() throws Exception {
        when(identity.clients()).thenReturn(List.of());
        doThrow(new ApiProblem(
                        "identity",
                        400,
                        "invalid-request",
                        "enabled cannot be false for the client you are signed in through (qinqing-portal)",
                        List.of(new ApiProblem.FieldProblem(
                                "enabled",
                                "cannot be false for the client you are signed in through (qinqing-portal)"))))
                .when(identity)
                .enableClient(eq("qinqing-portal"), any());

        String page = mvc.perform(post("/admin/clients/qinqing-portal/enabled")
                        .with(admin())
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"client-state-refused\"", "客户端 qinqing-portal 的状态未更改")
                .contains("cannot be false for the client you are signed in through");
    }

    @Test
    void deadLettersOfEveryServiceAreListedAndOneIsDroppedOnlyWithAReason() throws Exception {
        DeadLettersApi.Letter letter = new DeadLettersApi.Letter(
                "appeals-timelines",
                "17",
                "seq",
                "event-1",
                "cn.qinqing.language.appeal.AppealFiledEvent",
                "IllegalStateException: no_such_table",
                MARCH,
                MARCH);
        when(deadLetters.letters(anyString())).thenReturn(List.of());
        when(deadLetters.letters("appeals")).thenReturn(List.of(letter));
        when(deadLetters.letter("appeals", "appeals-timelines", "17"))
                .thenReturn(new DeadLettersApi.Inspected(
                        letter, new ObjectMapper().readTree("{\"title\":\"毒丸\"}"), null, null));

        String list = mvc.perform(get("/admin/dead-letters").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String refused = mvc.perform(post("/admin/dead-letters/appeals/appeals-timelines/17/drop")
                        .with(admin())
                        .with(csrf())
                        .param("reason", " "))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/admin/dead-letters/appeals/appeals-timelines/17/drop")
                        .with(admin())
                        .with(csrf())
                        .param("reason", "企业已撤回"))
                .andExpect(redirectedUrl("/admin/dead-letters"));

        assertThat(list).contains("no_such_table");
        for (String service :
                List.of("appeals", "assignment", "resolution", "meetings", "oversight", "notifications", "projects")) {
            assertThat(list).as(service).contains("id=\"service-" + service + "\"");
            verify(deadLetters).letters(service);
            // the portal's own configuration knows where each is (else the page would say it is unavailable)
            assertThat(portal.service(service)).as(service).isNotNull();
        }
        assertThat(refused).contains("id=\"drop-reason-error\"").contains("毒丸");
        verify(deadLetters).drop("appeals", "appeals-timelines", "17", "企业已撤回");
    }

    @Test
    void aRetrysNoticeSurvivesTheSessionStore() throws Exception {
        // flash attributes live in the JDBC session store, which serializes them (a browser test found it did not)
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new DeadLettersApi.Retried("resolution-calendar", 1, 0));
        }
        assertThat(bytes.size()).isPositive();
    }
}
