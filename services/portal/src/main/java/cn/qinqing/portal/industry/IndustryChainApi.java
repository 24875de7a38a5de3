package cn.qinqing.portal.industry;

import cn.qinqing.portal.project.ProjectsApi;
import cn.qinqing.portal.service.ServiceClients;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The chain view of the projects service (port 8087), for leaders, supervisors, dispatchers and admins. */
@Component
public class IndustryChainApi {

    private final ServiceClients clients;

    IndustryChainApi(ServiceClients clients) {
        this.clients = clients;
    }

    public IndustryChain chain(LocalDate asOf) {
        return clients.of(ProjectsApi.SERVICE)
                .get()
                .uri(uri -> uri.path("/api/projects/chain")
                        .queryParamIfPresent("asOf", Optional.ofNullable(asOf))
                        .build())
                .retrieve()
                .body(IndustryChain.class);
    }
}
