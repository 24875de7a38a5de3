package cn.qinqing.portal.oversight;

import cn.qinqing.portal.service.ServiceClients;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The oversight service's what-if runs (issue #22): queue one, follow it. SUPERVISOR and ADMIN only. Also the
 * resolution service's working calendar, which a proposal starts from.
 */
@Component
public class WhatIfApi {

    private final ServiceClients clients;

    WhatIfApi(ServiceClients clients) {
        this.clients = clients;
    }

    /** Queues a run; a refused proposal comes back as an {@code ApiProblem} naming the fields. */
    public WhatIf.Job start(Map<String, Object> request, String idempotencyKey) {
        return clients.of(OversightApi.SERVICE)
                .post()
                .uri("/api/oversight/what-if")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(request)
                .retrieve()
                .body(WhatIf.Job.class);
    }

    public WhatIf.Job job(UUID id) {
        return clients.of(OversightApi.SERVICE)
                .get()
                .uri("/api/oversight/what-if/{id}", id)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(WhatIf.Job.class);
    }

    /** The year of the working calendar in force, if the resolution service has it. */
    public Optional<WhatIf.CalendarYear> calendarYear(int year) {
        return Optional.ofNullable(clients.of("resolution")
                .get()
                .uri(uri -> uri.path("/api/resolution/calendar")
                        .queryParam("year", year)
                        .build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(WhatIf.CalendarYear.class));
    }
}
