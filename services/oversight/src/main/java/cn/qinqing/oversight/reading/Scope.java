package cn.qinqing.oversight.reading;

import cn.qinqing.oversight.directory.Chain;
import cn.qinqing.oversight.history.AppealHistory;
import java.util.List;

/**
 * What a caller may read: everything (supervisors, admins), or what concerns one leader's chain of command.
 *
 * @param chain the leader's chain; null for everything
 */
public record Scope(Chain chain) {

    public static Scope everything() {
        return new Scope(null);
    }

    public boolean isEverything() {
        return chain == null;
    }

    public boolean coversDepartment(String departmentId) {
        return chain == null || chain.coversDepartment(departmentId);
    }

    public boolean coversLeader(String leaderId) {
        return chain == null || chain.coversLeader(leaderId);
    }

    public boolean covers(String departmentId, String leaderId) {
        return chain == null || chain.covers(departmentId, leaderId == null ? List.of() : List.of(leaderId));
    }

    /**
     * Whether the appeal concerns the chain: a department of the chain held or answered it, a leader of the chain
     * took charge of it, was escalated to, issued a notice on it or granted an extension, or looks after its
     * enterprise.
     */
    public boolean coversAppeal(AppealHistory history, String liaisonLeader) {
        if (chain == null) {
            return true;
        }
        if (chain.coversLeader(liaisonLeader)) {
            return true;
        }
        return history.departmentsNamed().stream().anyMatch(chain::coversDepartment)
                || history.leadersNamed().stream().anyMatch(chain::coversLeader);
    }
}
