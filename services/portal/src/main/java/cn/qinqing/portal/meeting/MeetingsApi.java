package cn.qinqing.portal.meeting;

import cn.qinqing.portal.service.ServiceClients;
import cn.qinqing.portal.service.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The meetings service's API (port 8084): invitations, topics; an enterprise sees only meetings it is invited to. */
@Component
public class MeetingsApi {

    public static final String SERVICE = "meetings";

    private final ServiceClients clients;

    MeetingsApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient api() {
        return clients.of(SERVICE);
    }

    /** The calling enterprise's invitations to meetings that have not ended. */
    public List<Meeting.Invitation> myInvitations() {
        return api().get()
                .uri("/api/meetings/invitations")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Meeting.Invitation>>() {});
    }

    public Meeting.Details meeting(UUID id) {
        return api().get().uri("/api/meetings/{id}", id).retrieve().body(Meeting.Details.class);
    }

    public Meeting.Details meetingAtLeast(UUID id, long version) {
        return Versions.awaitRead(
                () -> meeting(id), details -> details.meeting().version() >= version);
    }

    public List<Meeting.Topic> topics(UUID id) {
        return api().get()
                .uri("/api/meetings/{id}/topics", id)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Meeting.Topic>>() {});
    }

    public long accept(UUID id, String enterpriseId, long version) {
        return changed(
                api().post().uri("/api/meetings/{id}/invitations/{enterprise}/acceptance", id, enterpriseId),
                version,
                null);
    }

    public long decline(UUID id, String enterpriseId, long version, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        return changed(
                api().post().uri("/api/meetings/{id}/invitations/{enterprise}/refusal", id, enterpriseId),
                version,
                body);
    }

    /** Proposes a topic; the idempotency key makes a repeated form one topic. */
    public long propose(UUID id, String title, String description, UUID linkedAppealId, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title == null ? "" : title);
        body.put("description", description == null ? "" : description);
        body.put("linkedAppealId", linkedAppealId);
        Created created = api().post()
                .uri("/api/meetings/{id}/topics", id)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Created.class);
        return created == null ? 0 : created.meetingVersion();
    }

    private long changed(RestClient.RequestBodySpec request, long version, Map<String, Object> body) {
        request = request.header("If-Match", Versions.ifMatch(version));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        Changed changed = request.retrieve().body(Changed.class);
        return changed == null ? version + 1 : changed.version();
    }

    record Changed(UUID id, long version) {}

    record Created(UUID id, UUID meetingId, long meetingVersion) {}
}
