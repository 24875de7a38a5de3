package cn.qinqing.meetings.meeting.web;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.MinutesItem;
import cn.qinqing.platform.validation.PlainText;
import cn.qinqing.platform.validation.Uscc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies the meetings API accepts. Every field is checked here; what depends on the meeting, by the meeting. */
final class Requests {

    /** Department and leader ids are the directory's slugs, such as {@code industry-it} or {@code leader}. */
    static final String SLUG = "[a-z][a-z0-9-]{1,63}";

    static final String SLUG_MESSAGE = "must be an id such as industry-it (lower-case letters, digits, dashes)";

    private Requests() {}

    record ScheduleMeeting(
            @NotBlank @Size(max = 200) @PlainText String theme,
            @NotBlank @Size(max = 200) @PlainText String venue,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotNull @Min(1) @Max(500) Integer capacity,
            @Size(max = 30) List<@NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> departmentIds,
            @NotNull Instant topicCutOffAt) {}

    /**
     * Enterprises picked by hand, by their place in the industry chain, the city's key enterprises, or any mix.
     *
     * @param keyEnterprises whether to invite every registered key enterprise (重点企业)
     */
    record Invite(
            @Size(max = 500) List<@NotNull @Uscc String> enterpriseIds,
            @Size(max = 8) List<@NotNull IndustryChainPosition> chainPositions,
            Boolean keyEnterprises) {}

    record DeclineInvitation(@Size(max = 1000) @PlainText(multiline = true) String reason) {}

    record ProposeTopic(
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotBlank @Size(max = 5000) @PlainText(multiline = true) String description,
            UUID linkedAppealId) {}

    record DeclineTopic(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}

    record AgendaItem(
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String departmentId,
            UUID topicId) {}

    /** @param reason why a published agenda changes; required for a change */
    record Agenda(
            @NotEmpty @Size(max = 30) List<@Valid @NotNull AgendaItem> items,
            @Size(max = 1000) @PlainText(multiline = true) String reason) {}

    record AttendanceRequest(
            @Size(max = 500) List<@NotNull @Uscc String> enterpriseIds,
            @Size(max = 50) List<@NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> departmentIds,
            @Size(max = 50) List<@NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> leaderIds) {

        Attendance toAttendance() {
            return new Attendance(enterpriseIds, departmentIds, leaderIds);
        }
    }

    record MinutesItemRequest(
            @NotNull @Min(1) Integer agendaPosition,
            @NotBlank @Size(max = 5000) @PlainText(multiline = true) String summary,
            @Size(max = 30) List<@NotBlank @Size(max = 1000) @PlainText(multiline = true) String> decisions) {

        MinutesItem toItem() {
            return new MinutesItem(agendaPosition, summary, decisions);
        }
    }

    record Minutes(
            @NotNull @Valid AttendanceRequest attendance,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull MinutesItemRequest> items) {

        List<MinutesItem> toItems() {
            return items.stream().map(MinutesItemRequest::toItem).toList();
        }
    }

    record Correction(
            @NotNull @Valid AttendanceRequest attendance,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull MinutesItemRequest> items,
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {

        List<MinutesItem> toItems() {
            return items.stream().map(MinutesItemRequest::toItem).toList();
        }
    }

    record ActionItem(
            @NotNull @Min(1) Integer agendaPosition,
            @NotNull @Min(1) Integer decision,
            @NotBlank @Uscc String enterpriseId,
            @NotBlank(message = "must name the owner department") @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
                    String ownerDepartmentId,
            @NotBlank(message = "must name the responsible leader") @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
                    String responsibleLeaderId,
            @NotNull(message = "must give the due date") LocalDate dueOn,
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotBlank @Size(max = 5000) @PlainText(multiline = true) String description,
            @NotNull AppealCategory category,
            @NotNull Urgency urgency) {}
}
