package cn.qinqing.appeals.appeal.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealDocumentsAttachedEvent;
import cn.qinqing.language.appeal.AppealDocumentsAttachedEvent.AttachedWith;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.appeal.AttachmentRef;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppealTest {

    static final String ENTERPRISE = "91150200MA0QA0001T";
    static final String OTHER_ENTERPRISE = "91150200MA0QB0002M";
    static final UUID ID = UUID.fromString("6f1c1f1e-0000-4000-8000-000000000001");
    static final Instant NOW = Instant.parse("2026-11-02T01:30:00Z");
    static final List<AttachmentRef> PLAN =
            List.of(new AttachmentRef("plan.pdf", "application/pdf", 1024, "a".repeat(64)));

    private FixtureConfiguration<Appeal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appeal.class);
    }

    static FileAppealCommand filing() {
        return new FileAppealCommand(
                ID,
                ENTERPRISE,
                "变电站增容审批",
                "新建切片车间需要增容 10 MVA",
                AppealCategory.POWER,
                Urgency.URGENT,
                PLAN,
                AppealSource.ONLINE,
                null,
                false,
                NOW);
    }

    static AppealFiledEvent filed() {
        return new AppealFiledEvent(
                ID,
                ENTERPRISE,
                "变电站增容审批",
                "新建切片车间需要增容 10 MVA",
                AppealCategory.POWER,
                Urgency.URGENT,
                PLAN,
                AppealSource.ONLINE,
                null,
                false,
                NOW);
    }

    @Test
    void filesAnAppealWithEverythingTheEnterpriseSaid() {
        fixture.givenNoPriorActivity()
                .when(filing())
                .expectSuccessfulHandlerExecution()
                .expectEvents(filed());
    }

    @Test
    void addsInformationTheEnterpriseSupplies() {
        fixture.given(filed())
                .when(new SupplementAppealCommand(ID, 0L, ENTERPRISE, "附上电力接入方案", List.of(), NOW))
                .expectEvents(new AppealSupplementedEvent(ID, ENTERPRISE, "附上电力接入方案", List.of(), NOW));
    }

    static final List<DocumentRef> DOCUMENTS = List.of(new DocumentRef(
            UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000d1"),
            "供电方案.pdf",
            "application/pdf",
            48_213,
            "b".repeat(64)));

    @Test
    void recordsTheDocumentsUploadedWithAFilingRightAfterIt() {
        FileAppealCommand filing = filing();
        fixture.givenNoPriorActivity()
                .when(new FileAppealCommand(
                        ID,
                        ENTERPRISE,
                        filing.title(),
                        filing.description(),
                        filing.category(),
                        filing.urgency(),
                        PLAN,
                        AppealSource.ONLINE,
                        null,
                        false,
                        NOW,
                        DOCUMENTS))
                .expectEvents(
                        filed(), new AppealDocumentsAttachedEvent(ID, ENTERPRISE, AttachedWith.FILING, DOCUMENTS, NOW));
    }

    @Test
    void recordsTheDocumentsUploadedWithASupplement() {
        fixture.given(filed())
                .when(new SupplementAppealCommand(ID, 0L, ENTERPRISE, "附上供电方案", List.of(), NOW, DOCUMENTS))
                .expectEvents(
                        new AppealSupplementedEvent(ID, ENTERPRISE, "附上供电方案", List.of(), NOW),
                        new AppealDocumentsAttachedEvent(ID, ENTERPRISE, AttachedWith.SUPPLEMENT, DOCUMENTS, NOW));
    }

    @Test
    void recordsNoDocumentsForASupplementRefusedByAnotherEnterprise() {
        fixture.given(filed())
                .when(new SupplementAppealCommand(ID, 0L, OTHER_ENTERPRISE, "冒名补充", List.of(), NOW, DOCUMENTS))
                .expectException(NotAccessible.class)
                .expectNoEvents();
    }

    @Test
    void withdrawsAnOpenAppeal() {
        fixture.given(filed())
                .when(new WithdrawAppealCommand(ID, 0L, ENTERPRISE, "问题已自行解决", NOW))
                .expectEvents(new AppealWithdrawnEvent(ID, ENTERPRISE, "问题已自行解决", NOW));
    }

    @Test
    void rejectsWithdrawalOfAWithdrawnAppeal() {
        fixture.given(filed(), new AppealWithdrawnEvent(ID, ENTERPRISE, "重复提交", NOW))
                .when(new WithdrawAppealCommand(ID, 1L, ENTERPRISE, "再撤一次", NOW))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejectsSupplementsToAWithdrawnAppeal() {
        fixture.given(filed(), new AppealWithdrawnEvent(ID, ENTERPRISE, "重复提交", NOW))
                .when(new SupplementAppealCommand(ID, 1L, ENTERPRISE, "补充", List.of(), NOW))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnotherEnterpriseSupplementingTheAppeal() {
        fixture.given(filed())
                .when(new SupplementAppealCommand(ID, 0L, OTHER_ENTERPRISE, "冒名补充", List.of(), NOW))
                .expectException(NotAccessible.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnotherEnterpriseWithdrawingTheAppeal() {
        fixture.given(filed())
                .when(new WithdrawAppealCommand(ID, 0L, OTHER_ENTERPRISE, "冒名撤回", NOW))
                .expectException(NotAccessible.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnUpdateBasedOnAnOlderVersion() {
        fixture.given(filed(), new AppealSupplementedEvent(ID, ENTERPRISE, "第一次补充", List.of(), NOW))
                .when(new SupplementAppealCommand(ID, 0L, ENTERPRISE, "基于旧版本的补充", List.of(), NOW))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnUpdateNamingAVersionThatDoesNotExistYet() {
        fixture.given(filed())
                .when(new WithdrawAppealCommand(ID, 5L, ENTERPRISE, "版本号来自未来", NOW))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }
}
