package cn.qinqing.projects.project.web;

import cn.qinqing.language.Role;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.NotFoundException;
import cn.qinqing.projects.project.command.Requester;
import cn.qinqing.projects.project.query.ProjectDetails;
import cn.qinqing.projects.project.query.Projects;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see which project: an enterprise only the projects it invests in (any other answers 404, exactly like a
 * project that does not exist); officials, leaders, supervisors and admins all of them. The security policy has
 * already kept every other role out; who may change a project the project itself decides.
 */
@Component
class ProjectAccess {

    private final Projects projects;

    ProjectAccess(Projects projects) {
        this.projects = projects;
    }

    ProjectDetails visible(UUID id, LocalDate asOf) {
        return projects.find(id, enterpriseScope(Actor.require()), asOf)
                .orElseThrow(() -> new NotFoundException("There is no project " + id + " that you may see."));
    }

    /** The enterprise whose projects an enterprise user sees, or null for everyone else (who sees all). */
    static String enterpriseScope(Actor actor) {
        return actor.is(Role.ENTERPRISE) ? (actor.enterpriseId() == null ? "-" : actor.enterpriseId()) : null;
    }

    static Requester requester(Actor actor) {
        return new Requester(actor.subject(), actor.role(), actor.departmentId());
    }

    static LocalDate today() {
        return LocalDate.now(Projects.CITY);
    }

    /** Far enough ahead that every recorded date counts: the project as it stands. */
    static LocalDate latest() {
        return today().plusYears(50);
    }
}
