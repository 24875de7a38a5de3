package cn.qinqing.identity.demo;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo accounts and clients of the {@code local} profile ({@code application-local.yml}).
 *
 * @param password the password of every demo user
 * @param extraClients clients seeded besides {@code clients}, given on the command line (the benchmark's enterprise
 *     clients): a list given there replaces the YAML's list of the same name whole, so appending needs a list of its own
 */
@ConfigurationProperties("qinqing.demo")
record DemoProperties(
        String password,
        @DefaultValue List<User> users,
        @DefaultValue List<Client> clients,
        @DefaultValue List<Client> extraClients) {

    /** The demo clients, then the extra ones. */
    List<Client> allClients() {
        return Stream.concat(clients.stream(), extraClients.stream()).toList();
    }

    record User(String username, String role, String enterpriseId, String departmentId, String displayName) {}

    record Client(
            String clientId,
            String name,
            String secret,
            List<String> grantTypes,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            List<String> scopes,
            String role,
            String enterpriseId,
            String departmentId) {}
}
