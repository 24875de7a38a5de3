package cn.qinqing.portal.project;

import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.leader;
import static cn.qinqing.portal.Users.official;
import static cn.qinqing.portal.Users.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.assignment.Department;
import cn.qinqing.portal.service.ApiProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The form that registers a key project: for leaders and officials; refusals beside their fields. */
class ProjectRegistrationPagesTest extends PortalTestBase {

    @BeforeEach
    void directory() {
        when(assignments.departments())
                .thenReturn(List.of(
                        new Department("industry-it", "工业和信息化局", "city"),
                        new Department("natural-resources", "自然资源局", "city")));
    }

    @Test
    void anOfficialGetsTheFormWithTheirDepartmentChosen() throws Exception {
        String page = mvc.perform(get("/projects/new").with(official()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("登记重点项目", "id=\"project-name\"", "id=\"project-capacityAmount\"")
                .contains("id=\"project-commissioned\"", "工业和信息化局")
                .containsPattern("<option value=\"industry-it\"\\s+selected=\"selected\"")
                .as("an official registers for their own department only")
                .doesNotContain("value=\"natural-resources\"");
    }

    @Test
    void aLeaderChoosesAmongTheDirectorysDepartmentsAndAnswersForTheProjectByDefault() throws Exception {
        String page = mvc.perform(get("/projects/new?lang=en").with(leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Register a key project", "value=\"natural-resources\"", "value=\"industry-it\"")
                .contains("value=\"leader\"");
    }

    @Test
    void aMilestoneBeforeTheSigningIsRefusedBesideItsFieldWithWhatWasTypedKept() throws Exception {
        when(projects.register(any(), anyString()))
                .thenThrow(new ApiProblem(
                        "projects",
                        400,
                        "invalid-request",
                        "invalid",
                        List.of(
                                new ApiProblem.FieldProblem(
                                        "milestones[0].plannedOn", "must not lie before the signing (signedOn)"),
                                new ApiProblem.FieldProblem("capacity.amount", "must be more than zero"))));

        String page = mvc.perform(filled(post("/projects").with(leader()).with(csrf()), "-5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"project-landAndPermits-error\"", "不能早于签约日期")
                .contains("id=\"project-capacityAmount-error\"", "须大于零")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"10GW组件项目\"");
    }

    @Test
    void aRegisteredProjectOpensItsPageAndTheInvestmentGoesInYuan() throws Exception {
        UUID id = UUID.randomUUID();
        when(projects.register(any(), anyString())).thenReturn(id);

        mvc.perform(filled(post("/projects").with(official()).with(csrf()), "10"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/projects/" + id));

        verify(projects)
                .register(
                        argThat(body -> new BigDecimal("1800000000").compareTo((BigDecimal) body.get("investmentCny"))
                                        == 0
                                && body.get("enterpriseIds").equals(List.of("91150200MA0QF00061", "91150200MA0QA0001T"))
                                && ((Map<?, ?>) ((List<?>) body.get("milestones")).get(0))
                                        .get("milestone")
                                        .equals("LAND_AND_PERMITS")),
                        anyString());
    }

    @Test
    void enterprisesAndSupervisorsMayNotRegister() throws Exception {
        mvc.perform(get("/projects/new").with(enterpriseA())).andExpect(status().isForbidden());
        mvc.perform(get("/projects/new").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(filled(post("/projects").with(supervisor()).with(csrf()), "10"))
                .andExpect(status().isForbidden());
        verify(projects, never()).register(any(), anyString());
    }

    private static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request, String capacity) {
        return request.param("name", "10GW组件项目")
                .param("enterpriseIds", "91150200MA0QF00061, 91150200ma0qa0001t")
                .param("chainLink", "MODULE")
                .param("investmentYi", "18")
                .param("capacityAmount", capacity)
                .param("capacityUnit", "GW")
                .param("site", "昆都仑区")
                .param("leaderId", "leader")
                .param("departmentId", "industry-it")
                .param("signedOn", "2026-11-01")
                .param("landAndPermits", "2026-10-01")
                .param("constructionStarted", "2026-12-01")
                .param("equipmentInstalled", "2027-03-01")
                .param("trialProduction", "2027-05-01")
                .param("commissioned", "2027-07-01")
                .param("key", UUID.randomUUID().toString());
    }
}
