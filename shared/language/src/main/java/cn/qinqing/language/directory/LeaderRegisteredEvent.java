package cn.qinqing.language.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A leader (领导) joined the directory, with a place in the chain of command.
 *
 * @param leaderId the leader's user name, e.g. {@code leader}; the subject of their tokens
 * @param name the person's name
 * @param title the post as shown, e.g. 副市长
 * @param departmentId the department the leader heads, or null (a city leader heads none)
 * @param superiorLeaderId the next leader up the chain; null only at the city's top
 */
@Revision("1")
public record LeaderRegisteredEvent(
        String leaderId,
        String name,
        String title,
        LeaderRank rank,
        String departmentId,
        String superiorLeaderId,
        Instant registeredAt) {}
