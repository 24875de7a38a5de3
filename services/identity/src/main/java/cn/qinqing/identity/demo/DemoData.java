package cn.qinqing.identity.demo;

import cn.qinqing.identity.client.ClientBinding;
import cn.qinqing.identity.client.ClientRegistry;
import cn.qinqing.identity.client.NewClient;
import cn.qinqing.identity.user.UserAccount;
import cn.qinqing.identity.user.UserDirectory;
import cn.qinqing.language.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo users and clients when the {@code local} profile is active: each is added if missing, so restarts and
 * several instances leave one of each; an existing demo client takes the configured redirect URIs (the portal's
 * address follows the launcher's port offset). Never active in the default configuration. Runs before the server takes
 * requests.
 */
@Component
@Profile("local")
class DemoData implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties demo;
    private final UserDirectory users;
    private final ClientRegistry clients;

    DemoData(DemoProperties demo, UserDirectory users, ClientRegistry clients) {
        this.demo = demo;
        this.users = users;
        this.clients = clients;
    }

    @Override
    public void afterPropertiesSet() {
        if (!demo.users().isEmpty()
                && (demo.password() == null || demo.password().isBlank())) {
            throw new IllegalStateException("qinqing.demo.password must be set to seed demo users");
        }
        int addedUsers = 0;
        for (DemoProperties.User user : demo.users()) {
            UserAccount account = new UserAccount(
                    user.username(),
                    Role.valueOf(user.role()),
                    user.enterpriseId(),
                    user.departmentId(),
                    user.displayName() == null ? user.username() : user.displayName(),
                    true);
            addedUsers += users.addIfMissing(account, demo.password()) ? 1 : 0;
        }
        int addedClients = 0;
        List<DemoProperties.Client> wantedClients = demo.allClients();
        for (DemoProperties.Client client : wantedClients) {
            ClientBinding binding = client.role() == null
                    ? null
                    : new ClientBinding(Role.valueOf(client.role()), client.enterpriseId(), client.departmentId());
            NewClient wanted = new NewClient(
                    client.clientId(),
                    client.name(),
                    client.secret(),
                    client.grantTypes(),
                    client.redirectUris(),
                    client.postLogoutRedirectUris(),
                    client.scopes(),
                    binding);
            if (clients.registerIfMissing(wanted)) {
                addedClients++;
            } else if (clients.alignRedirectUris(wanted)) {
                // the portal runs elsewhere than last time (the launcher's --port-offset)
                log.info("Demo client {} now redirects to {}", wanted.clientId(), wanted.redirectUris());
            }
        }
        log.info(
                "Demo data (local profile): {} of {} users and {} of {} clients added, the rest were there",
                addedUsers,
                demo.users().size(),
                addedClients,
                wantedClients.size());
    }
}
