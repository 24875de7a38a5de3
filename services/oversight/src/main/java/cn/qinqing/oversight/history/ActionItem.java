package cn.qinqing.oversight.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A breakfast meeting's decision tracked as an appeal (督办事项).
 *
 * @param dueOn the date it must be done by (Asia/Shanghai)
 * @param dueAt the end of that date: closed before this instant is closed on time
 * @param closedAt when it was closed; null while open
 * @param cause what closed it: CASE_FILE_CLOSED, APPEAL_CLOSED or APPEAL_WITHDRAWN
 */
public record ActionItem(
        String meetingId,
        String actionItemId,
        String title,
        String departmentId,
        String leaderId,
        LocalDate dueOn,
        Instant dueAt,
        Instant raisedAt,
        Instant closedAt,
        String cause) {

    public static final String WITHDRAWN = "APPEAL_WITHDRAWN";

    public boolean closed() {
        return closedAt != null;
    }
}
