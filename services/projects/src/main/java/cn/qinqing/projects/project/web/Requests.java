package cn.qinqing.projects.project.web;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.platform.validation.PlainText;
import cn.qinqing.platform.validation.Uscc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies the projects API accepts. Every field is checked here; what depends on the project, by the project. */
final class Requests {

    /** Department and leader ids are the directory's slugs, such as {@code industry-it} or {@code leader}. */
    static final String SLUG = "[a-z][a-z0-9-]{1,63}";

    static final String SLUG_MESSAGE = "must be an id such as industry-it (lower-case letters, digits, dashes)";

    private Requests() {}

    /**
     * @param investmentCny the planned investment in yuan
     * @param milestones every milestone after the signing, in order, with its planned day and, for a project already
     *     under way, the day it was reached
     */
    record RegisterProject(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotEmpty @Size(max = 10) List<@NotNull @Uscc String> enterpriseIds,
            @NotNull ChainLink chainLink,
            @NotNull
                    @DecimalMin(value = "0", inclusive = false, message = "must be more than zero yuan")
                    @Digits(integer = 16, fraction = 2)
                    BigDecimal investmentCny,
            @NotNull @Valid Capacity capacity,
            @NotBlank @Size(max = 200) @PlainText String site,
            @NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String leaderId,
            @NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String departmentId,
            @NotNull LocalDate signedOn,
            @NotNull @Size(min = 5, max = 5, message = "must plan the five milestones after the signing")
                    List<@NotNull @Valid PlannedMilestone> milestones) {}

    record Capacity(
            @NotNull
                    @DecimalMin(value = "0", inclusive = false, message = "must be more than zero")
                    @Digits(integer = 16, fraction = 3)
                    BigDecimal amount,
            @NotNull CapacityUnit unit) {}

    record PlannedMilestone(@NotNull Milestone milestone, @NotNull LocalDate plannedOn, LocalDate reachedOn) {}

    record RecordMilestone(
            @NotNull Milestone milestone,
            @NotNull LocalDate reachedOn,
            @Size(max = 2000) @PlainText(multiline = true) String note) {}

    record NoteProgress(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String note) {}

    /** @param enterpriseId the investing enterprise the appeal is filed for; the first investor when absent */
    record RaiseBlocker(
            @Uscc String enterpriseId,
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotBlank @Size(max = 5000) @PlainText(multiline = true) String description,
            @NotNull AppealCategory category,
            @NotNull Urgency urgency) {}
}
