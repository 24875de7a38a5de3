package cn.qinqing.portal.admin;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceClients;
import cn.qinqing.portal.service.Versions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The administrator's calls: the directory and routing rules of the assignment service (port 8082), the working
 * calendar and the SLA tiers of the resolution service (port 8083). Every write answers the version it made.
 */
@Component
public class AdminApi {

    private static final String DIRECTORY = "/api/assignment";

    private final ServiceClients clients;

    AdminApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient assignment() {
        return clients.of("assignment");
    }

    // the directory

    /** The directory now (null) or as it stood at the instant. */
    public Directory.AsOf directory(Instant asOf) {
        return assignment()
                .get()
                .uri(uri -> {
                    uri.path(DIRECTORY + "/directory");
                    if (asOf != null) {
                        uri.queryParam("asOf", asOf.toString());
                    }
                    return uri.build();
                })
                .retrieve()
                .body(Directory.AsOf.class);
    }

    public Directory.DepartmentEntry department(String id) {
        return assignment()
                .get()
                .uri(DIRECTORY + "/departments/{id}", id)
                .retrieve()
                .body(Directory.DepartmentEntry.class);
    }

    public Directory.LeaderEntry leader(String id) {
        return assignment()
                .get()
                .uri(DIRECTORY + "/leaders/{id}", id)
                .retrieve()
                .body(Directory.LeaderEntry.class);
    }

    public List<Directory.LeaderEntry> chain(String id) {
        return assignment()
                .get()
                .uri(DIRECTORY + "/leaders/{id}/chain", id)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Directory.LeaderEntry>>() {});
    }

    public Directory.OfficialEntry official(String id) {
        return assignment()
                .get()
                .uri(DIRECTORY + "/officials/{id}", id)
                .retrieve()
                .body(Directory.OfficialEntry.class);
    }

    public List<Directory.Enterprise> enterprises() {
        return assignment()
                .get()
                .uri(DIRECTORY + "/enterprises")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Directory.Enterprise>>() {});
    }

    public Directory.Enterprise enterprise(String id) {
        return assignment()
                .get()
                .uri(DIRECTORY + "/enterprises/{id}", id)
                .retrieve()
                .body(Directory.Enterprise.class);
    }

    /** The changes of one entry (subjectType DEPARTMENT, LEADER, OFFICIAL, ENTERPRISE, ROUTING_RULE), latest first. */
    public List<Directory.Change> changes(String subjectType, String subjectId) {
        return assignment()
                .get()
                .uri(uri -> {
                    uri.path(DIRECTORY + "/directory/changes").queryParam("limit", 100);
                    if (subjectType != null) {
                        uri.queryParam("subjectType", subjectType);
                    }
                    if (subjectId != null) {
                        uri.queryParam("subjectId", subjectId);
                    }
                    return uri.build();
                })
                .retrieve()
                .body(new ParameterizedTypeReference<List<Directory.Change>>() {});
    }

    /** Registers an entry: kind departments, leaders or officials. */
    public long register(String kind, Map<String, Object> body) {
        return write(assignment().post().uri(DIRECTORY + "/" + kind), body, -1);
    }

    /** Changes an entry at the version the page read. */
    public long change(String kind, String id, long version, Map<String, Object> body) {
        return write(assignment().put().uri(DIRECTORY + "/" + kind + "/{id}", id), body, version);
    }

    /** Sets an enterprise's liaison leader: the first time (version null) or a change. */
    public long liaison(String enterpriseId, Long version, Map<String, Object> body) {
        return version == null
                ? write(assignment().post().uri(DIRECTORY + "/enterprises/{id}/liaison", enterpriseId), body, -1)
                : write(assignment().put().uri(DIRECTORY + "/enterprises/{id}/liaison", enterpriseId), body, version);
    }

    // routing rules

    /** The rules in force now (null) or at the instant. */
    public List<Directory.Rule> rules(Instant asOf) {
        return assignment()
                .get()
                .uri(uri -> {
                    uri.path(DIRECTORY + "/routing-rules");
                    if (asOf != null) {
                        uri.queryParam("asOf", asOf.toString());
                    }
                    return uri.build();
                })
                .retrieve()
                .body(new ParameterizedTypeReference<List<Directory.Rule>>() {});
    }

    public Directory.RuleHistory rule(UUID ruleId) {
        return assignment()
                .get()
                .uri(DIRECTORY + "/routing-rules/{id}", ruleId)
                .retrieve()
                .body(Directory.RuleHistory.class);
    }

    /** The rule that would route such an appeal now; empty when it would wait in the dispatcher's queue. */
    public Optional<Directory.Rule> route(String category, String chainPosition, String district) {
        try {
            return Optional.ofNullable(assignment()
                    .get()
                    .uri(uri -> {
                        uri.path(DIRECTORY + "/routing-rules/route").queryParam("category", category);
                        if (chainPosition != null && !chainPosition.isBlank()) {
                            uri.queryParam("chainPosition", chainPosition);
                        }
                        if (district != null && !district.isBlank()) {
                            uri.queryParam("district", district);
                        }
                        return uri.build();
                    })
                    .retrieve()
                    .body(Directory.Rule.class));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** Adds a rule; the key (made when the form was shown) makes a repeated form one rule. Answers the rule's id. */
    public UUID addRule(Map<String, Object> body, String idempotencyKey) {
        Changed added = assignment()
                .post()
                .uri(DIRECTORY + "/routing-rules")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Changed.class);
        return UUID.fromString(added.id());
    }

    public long changeRule(UUID ruleId, long version, Map<String, Object> body) {
        return change("routing-rules", ruleId.toString(), version, body);
    }

    /** Retires the rule: it stays in the history, no longer in force. */
    public long retireRule(UUID ruleId, long version) {
        Changed changed = assignment()
                .delete()
                .uri(DIRECTORY + "/routing-rules/{id}", ruleId)
                .header("If-Match", Versions.ifMatch(version))
                .retrieve()
                .body(Changed.class);
        return changed == null ? version + 1 : changed.version();
    }

    // the working calendar

    public Directory.CalendarYear calendar(int year) {
        return clients.of("resolution")
                .get()
                .uri(uri -> uri.path("/api/resolution/calendar")
                        .queryParam("year", year)
                        .build())
                .retrieve()
                .body(Directory.CalendarYear.class);
    }

    /** Loads a year in the calendar file format; it replaces the year's earlier data everywhere. */
    public void loadCalendar(int year, Map<String, Object> file) {
        clients.of("resolution")
                .put()
                .uri("/api/resolution/calendar/{year}", year)
                .contentType(MediaType.APPLICATION_JSON)
                .body(file)
                .retrieve()
                .toBodilessEntity();
    }

    // SLA tiers

    /** Every appeal category × urgency with the limits in force now (a tier, or the defaults). */
    public List<SlaTiers.Row> slaTiers() {
        return clients.of("resolution")
                .get()
                .uri("/api/resolution/sla-tiers")
                .retrieve()
                .body(new ParameterizedTypeReference<List<SlaTiers.Row>>() {});
    }

    /** Every setting of the SLA tiers, latest first. */
    public List<SlaTiers.Setting> slaTierHistory() {
        return clients.of("resolution")
                .get()
                .uri("/api/resolution/sla-tiers/history?limit=200")
                .retrieve()
                .body(new ParameterizedTypeReference<List<SlaTiers.Setting>>() {});
    }

    /** Sets a tier; at the version the page read when it had one. Answers the tier's new version. */
    public long setSlaTier(String category, String urgency, Long version, Map<String, Object> body) {
        return write(
                clients.of("resolution").put().uri("/api/resolution/sla-tiers/{category}/{urgency}", category, urgency),
                body,
                version == null ? -1 : version);
    }

    private static long write(RestClient.RequestBodySpec request, Map<String, Object> body, long version) {
        if (version >= 0) {
            request = request.header("If-Match", Versions.ifMatch(version));
        }
        Changed changed = request.contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Changed.class);
        return changed == null ? version + 1 : changed.version();
    }

    /** What the directory's writes answer: the entry's id and its new version. */
    record Changed(String id, long version) {}
}
