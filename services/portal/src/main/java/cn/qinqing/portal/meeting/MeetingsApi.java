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

/**
 * The meetings service's API (port 8084): invitations, topics, the agenda, the minutes, action items and their
 * follow-up; an enterprise sees only meetings it is invited to.
 */
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

    /** The meeting as the user's own write left it: the meetings service answers once its views show it (ADR 0008). */
    public Meeting.Details meetingAtLeast(UUID id, long version) {
        return meeting(id);
    }

    /** Upcoming or past meetings this user may see (a leader or supervisor: all). */
    public List<Meeting.View> list(boolean upcoming) {
        return api().get()
                .uri(uri -> uri.path("/api/meetings")
                        .queryParam("when", upcoming ? "upcoming" : "past")
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Meeting.View>>() {});
    }

    /** Schedules a meeting (the body is the API's request); returns its id. */
    public UUID schedule(Map<String, Object> request, String key) {
        Changed changed = api().post()
                .uri("/api/meetings")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(Changed.class);
        return changed.id();
    }

    /** Invites enterprises by hand (USCCs), by chain position, and/or every key enterprise. */
    public long invite(UUID id, long version, List<String> enterpriseIds, List<String> chainPositions, boolean keys) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseIds", enterpriseIds);
        body.put("chainPositions", chainPositions);
        body.put("keyEnterprises", keys);
        return changed(api().post().uri("/api/meetings/{id}/invitations", id), version, body);
    }

    public long acceptTopic(UUID id, UUID topicId, long version) {
        return changed(api().post().uri("/api/meetings/{id}/topics/{topic}/acceptance", id, topicId), version, null);
    }

    public long declineTopic(UUID id, UUID topicId, long version, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason == null ? "" : reason);
        return changed(api().post().uri("/api/meetings/{id}/topics/{topic}/refusal", id, topicId), version, body);
    }

    public Meeting.Agenda agenda(UUID id) {
        try {
            return api().get().uri("/api/meetings/{id}/agenda", id).retrieve().body(Meeting.Agenda.class);
        } catch (cn.qinqing.portal.service.ApiProblem problem) {
            if (problem.isNotFound()) {
                return null;
            }
            throw problem;
        }
    }

    public List<Meeting.ActionItem> actionItems(UUID id) {
        return api().get()
                .uri("/api/meetings/{id}/action-items", id)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Meeting.ActionItem>>() {});
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

    /**
     * Publishes the agenda, or changes the published one (then {@code reason} is required and everyone sees it).
     *
     * @param items each with title, startsAt, endsAt, departmentId and an optional topicId, in their order
     */
    public long setAgenda(UUID id, long version, List<Map<String, Object>> items, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        return changed(api().put().uri("/api/meetings/{id}/agenda", id), version, body);
    }

    /** The minutes with their corrections; null while there are none. */
    public Meeting.Minutes minutes(UUID id) {
        try {
            return api().get().uri("/api/meetings/{id}/minutes", id).retrieve().body(Meeting.Minutes.class);
        } catch (cn.qinqing.portal.service.ApiProblem problem) {
            if (problem.isNotFound()) {
                return null;
            }
            throw problem;
        }
    }

    /**
     * Drafts (or redrafts) the minutes.
     *
     * @param minutes {@code attendance} and {@code items} as the API takes them
     */
    public long draftMinutes(UUID id, long version, Map<String, Object> minutes) {
        return changed(api().put().uri("/api/meetings/{id}/minutes", id), version, minutes);
    }

    public long publishMinutes(UUID id, long version) {
        return changed(api().post().uri("/api/meetings/{id}/minutes/publication", id), version, null);
    }

    /** Corrects published minutes: {@code correction} is the minutes as they should read, with a {@code reason}. */
    public long correctMinutes(UUID id, long version, Map<String, Object> correction) {
        return changed(api().post().uri("/api/meetings/{id}/minutes/corrections", id), version, correction);
    }

    /** Raises an action item from a decision of the minutes; returns the meeting's version after it. */
    public long raiseActionItem(UUID id, Map<String, Object> request, String key) {
        Created created = api().post()
                .uri("/api/meetings/{id}/action-items", id)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(Created.class);
        return created == null ? 0 : created.meetingVersion();
    }

    /** The follow-up rate and the overdue items (落实情况). */
    public Meeting.FollowUp followUp(UUID id) {
        return api().get().uri("/api/meetings/{id}/follow-up", id).retrieve().body(Meeting.FollowUp.class);
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
