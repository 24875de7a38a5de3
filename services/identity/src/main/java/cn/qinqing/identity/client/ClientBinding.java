package cn.qinqing.identity.client;

import cn.qinqing.language.Role;
import cn.qinqing.language.UnifiedSocialCreditCode;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * What an integration client acts as when it gets a token for itself (client credentials grant): a role, and for an
 * enterprise's client that enterprise, for a department's client that department. Kept in the registered client's
 * custom settings, so the authorization server's own client table stores it.
 */
public record ClientBinding(Role role, String enterpriseId, String departmentId) {

    public static final String ROLE = "settings.qinqing.role";
    public static final String ENTERPRISE_ID = "settings.qinqing.enterprise-id";
    public static final String DEPARTMENT_ID = "settings.qinqing.department-id";

    public ClientBinding {
        Objects.requireNonNull(role, "role");
        if ((role == Role.ENTERPRISE) != (enterpriseId != null)) {
            throw new IllegalArgumentException("an enterprise id binds enterprise clients, and only them");
        }
        if (enterpriseId != null) {
            UnifiedSocialCreditCode.of(enterpriseId);
        }
        if (departmentId != null && role != Role.OFFICIAL && role != Role.LEADER) {
            throw new IllegalArgumentException("only official and leader clients belong to a department");
        }
    }

    /** The binding of a client, if it has one. */
    public static Optional<ClientBinding> of(RegisteredClient client) {
        ClientSettings settings = client.getClientSettings();
        String role = settings.getSetting(ROLE);
        if (role == null) {
            return Optional.empty();
        }
        return Optional.of(new ClientBinding(
                Role.valueOf(role), settings.getSetting(ENTERPRISE_ID), settings.getSetting(DEPARTMENT_ID)));
    }

    void writeTo(ClientSettings.Builder settings) {
        settings.setting(ROLE, role.name());
        if (enterpriseId != null) {
            settings.setting(ENTERPRISE_ID, enterpriseId);
        }
        if (departmentId != null) {
            settings.setting(DEPARTMENT_ID, departmentId);
        }
    }
}
