package cn.qinqing.portal.leader.liaison;

import cn.qinqing.portal.oversight.OversightApi;
import cn.qinqing.portal.service.ServiceClients;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The oversight service's liaison view: the signed-in leader's own enterprises (the API takes them from the token). */
@Component
public class LiaisonApi {

    private final ServiceClients clients;

    LiaisonApi(ServiceClients clients) {
        this.clients = clients;
    }

    public Liaison mine() {
        return clients.of(OversightApi.SERVICE)
                .get()
                .uri("/api/oversight/liaison/appeals")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Liaison.class);
    }
}
