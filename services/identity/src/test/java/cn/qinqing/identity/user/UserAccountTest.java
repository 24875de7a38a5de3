package cn.qinqing.identity.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinqing.language.Role;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    @Test
    void anEnterpriseUserBelongsToAnEnterpriseWithAValidCode() {
        assertThatCode(() -> new UserAccount("a", Role.ENTERPRISE, "91150200MA0QA0001T", null, "A", true))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new UserAccount("a", Role.ENTERPRISE, null, null, "A", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserAccount("a", Role.ENTERPRISE, "91150200MA0QA0001X", null, "A", true))
                .as("wrong check character")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character");
    }

    @Test
    void onlyEnterpriseUsersHaveAnEnterprise() {
        assertThatThrownBy(() -> new UserAccount("s", Role.SUPERVISOR, "91150200MA0QA0001T", null, "S", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOfficialWorksInADepartmentAndALeaderMayHeadOne() {
        assertThatThrownBy(() -> new UserAccount("o", Role.OFFICIAL, null, null, "O", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new UserAccount("l", Role.LEADER, null, "industry-it", "L", true))
                .doesNotThrowAnyException();
        assertThatCode(() -> new UserAccount("l", Role.LEADER, null, null, "L", true))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new UserAccount("d", Role.DISPATCHER, null, "industry-it", "D", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
