package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;

/**
 * One item of a meeting's agenda (议程), in the order given.
 *
 * @param position 1 for the first item; minutes refer to items by it
 * @param departmentId the department that answers for this item (责任部门)
 * @param topicId the accepted enterprise topic this item discusses, or null for the host's own item
 */
public record AgendaItem(
        int position, String title, Instant startsAt, Instant endsAt, String departmentId, UUID topicId) {}
