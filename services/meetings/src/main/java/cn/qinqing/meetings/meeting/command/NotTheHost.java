package cn.qinqing.meetings.meeting.command;

/**
 * The caller may see the meeting but does not host it: only its host (or an admin) may change it. Answered as 403,
 * since the meeting's existence is no secret to the leaders who may read it.
 */
public class NotTheHost extends RuntimeException {
    public NotTheHost(String hostLeaderId) {
        super("Only the meeting's host (" + hostLeaderId + ") or an administrator may change it.");
    }
}
