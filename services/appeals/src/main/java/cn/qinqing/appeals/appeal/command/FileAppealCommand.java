package cn.qinqing.appeals.appeal.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AttachmentRef;
import cn.qinqing.language.appeal.MeetingReference;
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
        Instant filedAt) {}
