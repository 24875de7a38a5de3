package cn.qinqing.identity.user;

import cn.qinqing.language.Role;
import cn.qinqing.language.UnifiedSocialCreditCode;
import java.util.Objects;

/**
 * A person who signs in, as the tokens describe them.
 *
 * @param enterpriseId the enterprise's Unified Social Credit Code; set exactly for {@link Role#ENTERPRISE} users
 * @param departmentId the department an official works in, or a leader heads; {@code null} otherwise
 */
public record UserAccount(
        String username, Role role, String enterpriseId, String departmentId, String displayName, boolean enabled) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        if (username.isBlank() || username.length() > 100) {
            throw new IllegalArgumentException("username must be 1 to 100 characters");
        }
        if ((role == Role.ENTERPRISE) != (enterpriseId != null)) {
            throw new IllegalArgumentException("an enterprise id belongs to enterprise users, and only to them");
        }
        if (enterpriseId != null) {
            UnifiedSocialCreditCode.of(enterpriseId);
        }
        if (role == Role.OFFICIAL && departmentId == null) {
            throw new IllegalArgumentException("an official works in a department");
        }
        if (departmentId != null && role != Role.OFFICIAL && role != Role.LEADER) {
            throw new IllegalArgumentException("only officials and leaders belong to a department");
        }
    }
}
