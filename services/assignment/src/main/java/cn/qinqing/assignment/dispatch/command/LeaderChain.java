package cn.qinqing.assignment.dispatch.command;

import java.util.Optional;

/** What an assignment needs to know of the directory's chain of command to take charge and escalate. */
public interface LeaderChain {

    boolean isLeader(String leaderId);

    /** The next leader up; empty at the top. */
    Optional<String> superiorOf(String leaderId);

    /** The leader who heads the department, if the directory names one. */
    Optional<String> headOf(String departmentId);

    /** The enterprise's liaison leader (包联领导), if it has one. */
    Optional<String> liaisonOf(String enterpriseId);

    /** The leader at the city's top. */
    Optional<String> top();
}
