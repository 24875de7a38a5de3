package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record NoteProgressCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        UUID noteId,
        String text,
        boolean visibleToEnterprise,
        boolean contactWithEnterprise,
        Instant notedAt,
        List<DocumentRef> documents) {

    public NoteProgressCommand {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The step without files (JSON). */
    public NoteProgressCommand(
            UUID caseFileId,
            Long expectedVersion,
            Caller caller,
            UUID noteId,
            String text,
            boolean visibleToEnterprise,
            boolean contactWithEnterprise,
            Instant notedAt) {
        this(
                caseFileId,
                expectedVersion,
                caller,
                noteId,
                text,
                visibleToEnterprise,
                contactWithEnterprise,
                notedAt,
                List.of());
    }
}
