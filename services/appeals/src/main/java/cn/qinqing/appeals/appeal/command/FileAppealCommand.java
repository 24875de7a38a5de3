package cn.qinqing.appeals.appeal.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AttachmentRef;
import cn.qinqing.language.appeal.MeetingReference;
import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FileAppealCommand(
        @TargetAggregateIdentifier UUID appealId,
        String enterpriseId,
        String title,
        String description,
        AppealCategory category,
        Urgency urgency,
        List<AttachmentRef> attachments,
        AppealSource source,
        MeetingReference meeting,
        boolean manualDispatch,
        Instant filedAt,
        List<DocumentRef> documents) {

    public FileAppealCommand {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A filing without uploaded documents. */
    public FileAppealCommand(
            UUID appealId,
            String enterpriseId,
            String title,
            String description,
            AppealCategory category,
            Urgency urgency,
            List<AttachmentRef> attachments,
            AppealSource source,
            MeetingReference meeting,
            boolean manualDispatch,
            Instant filedAt) {
        this(
                appealId,
                enterpriseId,
                title,
                description,
                category,
                urgency,
                attachments,
                source,
                meeting,
                manualDispatch,
                filedAt,
                List.of());
    }
}
