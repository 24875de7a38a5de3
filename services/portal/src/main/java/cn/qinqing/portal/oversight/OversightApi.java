package cn.qinqing.portal.oversight;

import cn.qinqing.portal.service.ServiceClients;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The oversight service's API (port 8085): KPIs, timelines, overdue list, rankings, CSV exports. Read only. */
@Component
public class OversightApi {

    public static final String SERVICE = "oversight";

    private final ServiceClients clients;

    OversightApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient api() {
        return clients.of(SERVICE);
    }

    /** KPIs grouped by DEPARTMENT, MONTH, CATEGORY, …; {@code month} (yyyy-MM) or null for all time. */
    public Oversight.KpiAnswer kpis(String groupBy, String month) {
        return api().get()
                .uri(uri -> {
                    uri.path("/api/oversight/kpis").queryParam("groupBy", groupBy);
                    if (month != null) {
                        uri.queryParam("month", month);
                    }
                    return uri.build();
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.KpiAnswer.class);
    }

    public Oversight.Timeline timeline(UUID appealId) {
        return api().get()
                .uri("/api/oversight/appeals/{id}/timeline", appealId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.Timeline.class);
    }

    /** The timeline as of an instant (null: now). */
    public Oversight.Timeline timeline(UUID appealId, java.time.Instant asOf) {
        if (asOf == null) {
            return timeline(appealId);
        }
        return api().get()
                .uri(uri -> uri.path("/api/oversight/appeals/{id}/timeline")
                        .queryParam("asOf", asOf.toString())
                        .build(appealId))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.Timeline.class);
    }

    /** The appeal as an enterprise, an official of a department or a leader saw it at an instant (issue 22). */
    public Oversight.AsSeen asSeen(
            UUID appealId, String viewer, String department, String leader, java.time.Instant asOf) {
        return api().get()
                .uri(uri -> {
                    uri.path("/api/oversight/appeals/{id}/as-seen").queryParam("viewer", viewer);
                    if (department != null) {
                        uri.queryParam("department", department);
                    }
                    if (leader != null) {
                        uri.queryParam("leader", leader);
                    }
                    if (asOf != null) {
                        uri.queryParam("asOf", asOf.toString());
                    }
                    return uri.build(appealId);
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.AsSeen.class);
    }

    /** Who read an appeal ({@code appeal}), or what a person read ({@code actor}), newest first. */
    public Oversight.ReadLog readLog(UUID appeal, String actor) {
        return api().get()
                .uri(uri -> {
                    uri.path("/api/oversight/read-log").queryParam("limit", 50);
                    if (appeal != null) {
                        uri.queryParam("appeal", appeal);
                    }
                    if (actor != null) {
                        uri.queryParam("actor", actor);
                    }
                    return uri.build();
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.ReadLog.class);
    }

    public Oversight.OverdueList overdue() {
        return api().get()
                .uri("/api/oversight/overdue")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.OverdueList.class);
    }

    public Oversight.Months months() {
        return api().get()
                .uri("/api/oversight/rankings")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.Months.class);
    }

    public Oversight.RankingComparison ranking(String month) {
        return api().get()
                .uri("/api/oversight/rankings/{month}", month)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.RankingComparison.class);
    }

    /** How far the current (or last) rebuild of the oversight read models got. ADMIN only. */
    public Oversight.ReplayProgress replay() {
        return api().get()
                .uri("/api/oversight/admin/replay")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.ReplayProgress.class);
    }

    /** Starts rebuilding every oversight read model from the event store. ADMIN only. */
    public Oversight.ReplayProgress startReplay() {
        return api().post()
                .uri("/api/oversight/admin/replay")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Oversight.ReplayProgress.class);
    }

    /**
     * A CSV export as the oversight service makes it (UTF-8 with BOM, its file name), to hand to the browser as it
     * is. {@code path} is one of the API's CSV paths, such as {@code /api/oversight/kpis.csv?groupBy=DEPARTMENT}.
     */
    public ResponseEntity<byte[]> csv(String path) {
        ResponseEntity<byte[]> answer = api().get().uri(path).retrieve().toEntity(byte[].class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        String disposition = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return ResponseEntity.ok().headers(headers).body(answer.getBody());
    }
}
