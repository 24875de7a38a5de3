package cn.qinqing.language.appeal;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An enterprise filed an appeal (提交诉求).
 *
 * @param enterpriseId the enterprise's Unified Social Credit Code
 * @param manualDispatch the appeal goes to the dispatcher's queue instead of the automatic route
 * @param meeting the breakfast meeting item it was raised from, when {@code source} is a meeting
 */
@Revision("1")
public record AppealFiledEvent(
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

    public AppealFiledEvent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
