package cn.qinqing.meetings.meeting.command;

/**
 * Who asks the meeting to change, as far as the meeting decides on it: only its host (or an admin) runs it.
 *
 * @param subject the user name of the caller
 * @param admin whether the caller acts as an administrator
 */
public record Requester(String subject, boolean admin) {}
