package cn.qinqing.portal.meeting;

import cn.qinqing.portal.appeal.Uploads;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.Downloads;
import cn.qinqing.portal.service.ServiceClients;
import cn.qinqing.portal.service.Versions;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

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

    /** Drafts the minutes with the files chosen in the form (multipart), or as JSON when there are none. */
    public long draftMinutes(UUID id, long version, Map<String, Object> minutes, List<MultipartFile> files) {
        return withFiles(api().put().uri("/api/meetings/{id}/minutes", id), version, "minutes", minutes, files);
    }

    /** Corrects published minutes with the files chosen in the form (multipart), or as JSON without any. */
    public long correctMinutes(UUID id, long version, Map<String, Object> correction, List<MultipartFile> files) {
        return withFiles(
                api().post().uri("/api/meetings/{id}/minutes/corrections", id),
                version,
                "correction",
                correction,
                files);
    }

    /** The documents attached to the minutes, for whoever may read the minutes; none while there are none. */
    public List<MinutesDocument> minutesDocuments(UUID id) {
        try {
            return api().get()
                    .uri("/api/meetings/{id}/minutes/documents", id)
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<MinutesDocument>>() {});
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return List.of();
            }
            throw problem;
        }
    }

    /** Streams one document of the minutes; the meetings service checks that this user may read the minutes. */
    public void downloadMinutesDocument(UUID id, UUID documentId, HttpServletResponse target) {
        Downloads.stream(
                api().get().uri("/api/meetings/{id}/minutes/documents/{documentId}", id, documentId), SERVICE, target);
    }

    private long withFiles(
            RestClient.RequestBodySpec request,
            long version,
            String part,
            Map<String, Object> body,
            List<MultipartFile> files) {
        List<MultipartFile> chosen = Uploads.chosen(files);
        if (chosen.isEmpty()) {
            return changed(request, version, body);
        }
        Changed changed = request.header("If-Match", Versions.ifMatch(version))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(Uploads.multipart(part, body, chosen))
                .retrieve()
                .body(Changed.class);
        return changed == null ? version + 2 : changed.version();
    }

    /** A document of the minutes, as the meetings service lists it. */
    public record MinutesDocument(
            UUID documentId, String name, String mediaType, long sizeBytes, String sha256, Instant attachedAt) {

        /** Its size for people: 1.2 MB, 350 KB. */
        public String size() {
            if (sizeBytes >= 1024 * 1024) {
                return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
            }
            return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
        }
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
