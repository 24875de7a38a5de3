package cn.qinqing.oversight.web;

import cn.qinqing.language.Role;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.reading.Scope;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Who is asking and what they may read: supervisors and admins everything, a leader their chain of command. */
@Component
public class Callers {

    private final Directory directory;

    Callers(Directory directory) {
        this.directory = directory;
    }

    public Scope scope() {
        Actor actor = Actor.require();
        if (actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN)) {
            return Scope.everything();
        }
        if (actor.is(Role.LEADER)) {
            return new Scope(directory.snapshot().chainOf(actor.subject(), actor.departmentId()));
        }
        // the authorization policy lets nobody else in; should it ever, they see nothing
        throw outsideChain("Your role may not read oversight data.");
    }

    public static ErrorResponseException outsideChain(String detail) {
        return new ErrorResponseException(
                HttpStatus.FORBIDDEN,
                Problems.of(HttpStatus.FORBIDDEN, "outside-your-chain", "Forbidden", detail),
                null);
    }
}
