package cn.qinqing.resolution.casefile.web;

import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.platform.validation.PlainText;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** The bodies the case file API accepts and answers with. */
final class Requests {
    private Requests() {}

    /**
     * @param visibleToEnterprise whether the enterprise sees the note in its appeal's timeline
     * @param contactWithEnterprise whether the note records contact with the enterprise (counts as first contact)
     */
    record NoteRequest(
            @NotBlank @Size(max = 4000) @PlainText(multiline = true) String text,
            @NotNull Boolean visibleToEnterprise,
            Boolean contactWithEnterprise) {}

    record PauseRequest(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}

    record ExtensionRequest(
            @NotNull Instant requestedDueAt, @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {}

    /**
     * @param grant true to grant, false to deny
     * @param newDueAt for a grant, the new due time (the requested one when absent)
     * @param reason for a denial, why (required then)
     */
    record ExtensionDecision(
            @NotNull Boolean grant, Instant newDueAt, @Size(max = 2000) @PlainText(multiline = true) String reason) {}

    /**
     * @param reason required unless SOLVED: why it could not be (fully) solved
     * @param policyBasis required for CANNOT_BE_SOLVED: the policy or regulation the answer rests on
     */
    record AnswerRequest(
            @NotBlank @Size(max = 8000) @PlainText(multiline = true) String answer,
            @NotNull Outcome outcome,
            @Size(max = 2000) @PlainText(multiline = true) String reason,
            @Size(max = 1000) @PlainText(multiline = true) String policyBasis) {}

    /**
     * The answer to a write: the case file's new version (also its ETag).
     *
     * @param dueAtMoved only when a granted extension's end was outside working hours: where it moved
     */
    record CaseFileChanged(
            UUID appealId, long version, @JsonInclude(JsonInclude.Include.NON_NULL) DueMoved dueAtMoved) {

        CaseFileChanged(UUID appealId, long version) {
            this(appealId, version, null);
        }
    }

    /**
     * The answer to a create inside the case file (a note, an extension request).
     *
     * @param dueAtMoved only when an extension was asked until a time outside working hours: where it moved
     */
    record Created(
            UUID id, UUID appealId, long version, @JsonInclude(JsonInclude.Include.NON_NULL) DueMoved dueAtMoved) {}

    /**
     * A due time asked for outside working hours, and the working instant it became.
     *
     * @param asked the time in the request
     * @param dueAt the time that counts: the next working instant
     * @param note why, in a sentence
     */
    record DueMoved(Instant asked, Instant dueAt, String note) {}
}
