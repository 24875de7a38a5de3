package cn.qinqing.identity.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo accounts and clients of the {@code local} profile ({@code application-local.yml}).
 *
 * @param password the password of every demo user
 */
@ConfigurationProperties("qinqing.demo")
record DemoProperties(String password, @DefaultValue List<User> users, @DefaultValue List<Client> clients) {

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
