package cn.qinqing.portal;

import cn.qinqing.portal.admin.AdminApi;
import cn.qinqing.portal.admin.DeadLettersApi;
import cn.qinqing.portal.admin.IdentityApi;
import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.assignment.AssignmentApi;
import cn.qinqing.portal.chain.ChainApi;
import cn.qinqing.portal.leader.liaison.LiaisonApi;
import cn.qinqing.portal.meeting.MeetingsApi;
import cn.qinqing.portal.oversight.OversightApi;
import cn.qinqing.portal.oversight.WhatIfApi;
import cn.qinqing.portal.resolution.ResolutionApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole portal in one Spring context shared by every controller test: real security, templates and message
 * bundles; the services' APIs are replaced per test class by mocks of the portal's API clients. Tomcat runs too, on a
 * random port, for what only a real server shows (requests it refuses before the application sees them).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "qinqing.portal.client-secret=test-secret",
            "qinqing.portal.issuer=http://localhost:9000",
            "spring.thymeleaf.cache=false"
        })
@AutoConfigureMockMvc
public abstract class PortalTestBase {

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected AppealsApi appeals;

    @MockitoBean
    protected AssignmentApi assignments;

    @MockitoBean
    protected ResolutionApi resolution;

    @MockitoBean
    protected OversightApi oversight;

    @MockitoBean
    protected MeetingsApi meetings;

    @MockitoBean
    protected ChainApi chains;

    @MockitoBean
    protected LiaisonApi liaisons;

    @MockitoBean
    protected WhatIfApi whatIf;

    @MockitoBean
    protected AdminApi admin;

    @MockitoBean
    protected IdentityApi identity;

    @MockitoBean
    protected DeadLettersApi deadLetters;

    @MockitoBean
    protected cn.qinqing.portal.notification.NotificationsApi notifications;

    @MockitoBean
    protected cn.qinqing.portal.project.ProjectsApi projects;

    @MockitoBean
    protected cn.qinqing.portal.industry.IndustryChainApi industryChains;

    @MockitoBean
    protected cn.qinqing.portal.market.MarketsApi markets;
}
