package cn.qinqing.portal.project;

import cn.qinqing.portal.service.ServiceClients;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The projects service's API (port 8087): key projects, their milestones, progress and blockers; an enterprise sees
 * only the projects it invests in.
 */
@Component
public class ProjectsApi {

    public static final String SERVICE = "projects";

    private final ServiceClients clients;

    ProjectsApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient api() {
        return clients.of(SERVICE);
    }

    public List<Project.View> list(String chainLink, String status, LocalDate asOf) {
        return api().get()
                .uri(uri -> uri.path("/api/projects")
                        .queryParamIfPresent("chainLink", blankless(chainLink))
                        .queryParamIfPresent("status", blankless(status))
                        .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf))
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Project.View>>() {});
    }

    /**
     * The projects an enterprise invests in, as of today ({@code GET /api/projects?enterpriseId=}): the filter narrows
     * what this user may see and never widens it, so every project answered is one this user may open.
     */
    public List<Project.View> ofEnterprise(String enterpriseId) {
        return api().get()
                .uri(uri -> uri.path("/api/projects")
                        .queryParam("enterpriseId", enterpriseId)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Project.View>>() {});
    }

    public Project.Speed speed(LocalDate asOf) {
        return api().get()
                .uri(uri -> uri.path("/api/projects/speed")
                        .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf))
                        .build())
                .retrieve()
                .body(Project.Speed.class);
    }

    public String csv(String chainLink, String status, LocalDate asOf) {
        return api().get()
                .uri(uri -> uri.path("/api/projects/export.csv")
                        .queryParamIfPresent("chainLink", blankless(chainLink))
                        .queryParamIfPresent("status", blankless(status))
                        .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf))
                        .build())
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve()
                .body(String.class);
    }

    public Project.Details project(UUID id, LocalDate asOf) {
        return api().get()
                .uri(uri -> uri.path("/api/projects/{id}")
                        .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf))
                        .build(id))
                .retrieve()
                .body(Project.Details.class);
    }

    /** The blocker an appeal was raised as (404 when none, or when this user may not see its project). */
    public Project.Blocker blockerOfAppeal(UUID appealId) {
        return api().get()
                .uri("/api/projects/blockers/by-appeal/{appealId}", appealId)
                .retrieve()
                .body(Project.Blocker.class);
    }

    /** Registers a key project; answers its id. The key makes a repeated form one project. */
    public UUID register(Map<String, Object> body, String key) {
        Changed registered = api().post()
                .uri("/api/projects")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Changed.class);
        return registered.id();
    }

    public long recordMilestone(UUID id, long version, String milestone, LocalDate reachedOn, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("milestone", milestone == null || milestone.isBlank() ? null : milestone);
        body.put("reachedOn", reachedOn);
        body.put("note", note == null || note.isBlank() ? null : note);
        Changed changed = api().post()
                .uri("/api/projects/{id}/milestones", id)
                .header("If-Match", "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Changed.class);
        return changed.version();
    }

    public long noteProgress(UUID id, String note) {
        Changed changed = api().post()
                .uri("/api/projects/{id}/progress", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("note", note == null ? "" : note))
                .retrieve()
                .body(Changed.class);
        return changed.version();
    }

    /** Raises a blocker; answers the project's version after it. The key makes a repeated form one blocker. */
    public long raiseBlocker(UUID id, String title, String description, String category, String urgency, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title == null ? "" : title);
        body.put("description", description == null ? "" : description);
        body.put("category", category == null || category.isBlank() ? null : category);
        body.put("urgency", urgency == null || urgency.isBlank() ? null : urgency);
        Raised raised = api().post()
                .uri("/api/projects/{id}/blockers", id)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Raised.class);
        return raised.projectVersion();
    }

    private static java.util.Optional<String> blankless(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    record Changed(UUID id, long version) {}

    record Raised(UUID id, UUID projectId, UUID appealId, long projectVersion) {}
}
