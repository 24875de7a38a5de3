package cn.qinqing.portal.chain;

import cn.qinqing.portal.oversight.OversightApi;
import cn.qinqing.portal.service.ServiceClients;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The oversight service's chain view of an appeal. Read only; SUPERVISOR, ADMIN and (their chain) LEADER. */
@Component
public class ChainApi {

    private final ServiceClients clients;

    ChainApi(ServiceClients clients) {
        this.clients = clients;
    }

    public Chain chain(UUID appealId) {
        return clients.of(OversightApi.SERVICE)
                .get()
                .uri("/api/oversight/appeals/{id}/chain", appealId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Chain.class);
    }
}
