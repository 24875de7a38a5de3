package cn.qinqing.oversight.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectorySnapshotTest {

    // mayor ← deputy ← head-it (industry-it ← it-park), head-land (natural-resources); liaison under the mayor
    final DirectorySnapshot directory = new DirectorySnapshot(
            List.of(
                    new DirectorySnapshot.Department("industry-it", "工业和信息化局", "city"),
                    new DirectorySnapshot.Department("it-park", "软件园管委会", "industry-it"),
                    new DirectorySnapshot.Department("natural-resources", "自然资源局", "city"),
                    new DirectorySnapshot.Department("finance-office", "金融办", "city")),
            List.of(
                    new DirectorySnapshot.Leader("mayor", "市长", "市长", "MAYOR", null, null),
                    new DirectorySnapshot.Leader("deputy", "副市长", "副市长", "DEPUTY_MAYOR", null, "mayor"),
                    new DirectorySnapshot.Leader("head-it", "局长", "局长", "DEPARTMENT_HEAD", "industry-it", "deputy"),
                    new DirectorySnapshot.Leader(
                            "head-land", "局长", "局长", "DEPARTMENT_HEAD", "natural-resources", "deputy"),
                    new DirectorySnapshot.Leader(
                            "head-finance", "主任", "主任", "DEPARTMENT_HEAD", "finance-office", "mayor")));

    @Test
    void aLeadersChainHoldsTheLeadersBelowAndTheDepartmentsTheyHeadWithTheirSubDepartments() {
        Chain deputy = directory.chainOf("deputy", null);

        assertThat(deputy.leaders()).containsExactlyInAnyOrder("deputy", "head-it", "head-land");
        assertThat(deputy.departments()).containsExactlyInAnyOrder("industry-it", "it-park", "natural-resources");
        assertThat(deputy.coversDepartment("finance-office")).isFalse();
    }

    @Test
    void aLeaderTheDirectoryDoesNotKnowYetHasTheDepartmentTheirTokenNames() {
        Chain stranger = directory.chainOf("new-head", "finance-office");

        assertThat(stranger.leaders()).containsExactly("new-head");
        assertThat(stranger.departments()).containsExactly("finance-office");
        assertThat(directory.chainOf("nobody", null).departments()).isEmpty();
    }

    @Test
    void escalationGoesUpFromWhoeverAnswersForTheAppealElseToTheHeadOfItsDepartment() {
        assertThat(directory.escalateTo("head-it", "industry-it", null)).contains("deputy");
        assertThat(directory.escalateTo(null, "industry-it", "head-finance")).contains("head-it");
        assertThat(directory.escalateTo(null, "unknown-department", "head-finance"))
                .as("no head: the enterprise's liaison leader")
                .contains("head-finance");
        assertThat(directory.escalateTo(null, null, null)).as("else the top").contains("mayor");
        assertThat(directory.escalateTo("mayor", "industry-it", null))
                .as("nobody above the top")
                .isEmpty();
    }
}
