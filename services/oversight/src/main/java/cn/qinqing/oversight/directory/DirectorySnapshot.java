package cn.qinqing.oversight.directory;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The departments and leaders of the directory at one moment, with the chain of command worked out. */
public final class DirectorySnapshot {

    /** A department of the directory. */
    public record Department(String id, String name, String parentId) {}

    /** A leader of the directory. */
    public record Leader(String id, String name, String title, String rank, String departmentId, String superiorId) {}

    private final Map<String, Department> departments;
    private final Map<String, Leader> leaders;

    public DirectorySnapshot(List<Department> departments, List<Leader> leaders) {
        this.departments =
                departments.stream().collect(Collectors.toUnmodifiableMap(Department::id, Function.identity()));
        this.leaders = leaders.stream().collect(Collectors.toUnmodifiableMap(Leader::id, Function.identity()));
    }

    public Optional<Department> department(String id) {
        return Optional.ofNullable(id == null ? null : departments.get(id));
    }

    public Optional<Leader> leader(String id) {
        return Optional.ofNullable(id == null ? null : leaders.get(id));
    }

    public String departmentName(String id) {
        return department(id).map(Department::name).orElse(id);
    }

    public String leaderName(String id) {
        return leader(id).map(Leader::name).orElse(id);
    }

    public List<Leader> leaders() {
        return leaders.values().stream()
                .sorted(Comparator.comparing(Leader::id))
                .toList();
    }

    public List<Department> departments() {
        return departments.values().stream()
                .sorted(Comparator.comparing(Department::id))
                .toList();
    }

    /**
     * The chain of a leader: the leader, every leader below (following {@code superiorLeaderId} down), the departments
     * they head and every department below those.
     *
     * @param ownDepartment a department the caller's token says they head, counted even if the directory does not
     *     name them (yet)
     */
    public Chain chainOf(String leaderId, String ownDepartment) {
        Set<String> chainLeaders = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(leaderId);
        while (!todo.isEmpty()) {
            String next = todo.poll();
            if (chainLeaders.add(next)) {
                leaders.values().stream()
                        .filter(leader -> next.equals(leader.superiorId()))
                        .map(Leader::id)
                        .forEach(todo::add);
            }
        }
        Set<String> chainDepartments = new HashSet<>();
        Deque<String> departmentTodo = new ArrayDeque<>();
        chainLeaders.stream()
                .map(leaders::get)
                .filter(leader -> leader != null && leader.departmentId() != null)
                .map(Leader::departmentId)
                .forEach(departmentTodo::add);
        if (ownDepartment != null) {
            departmentTodo.add(ownDepartment);
        }
        while (!departmentTodo.isEmpty()) {
            String next = departmentTodo.poll();
            if (chainDepartments.add(next)) {
                departments.values().stream()
                        .filter(department -> next.equals(department.parentId()))
                        .map(Department::id)
                        .forEach(departmentTodo::add);
            }
        }
        return new Chain(leaderId, chainLeaders, chainDepartments);
    }

    /** The leader who heads the department, if the directory names one (the lowest rank first). */
    public Optional<String> headOf(String departmentId) {
        if (departmentId == null) {
            return Optional.empty();
        }
        return leaders.values().stream()
                .filter(leader -> departmentId.equals(leader.departmentId()))
                .min(Comparator.comparing(Leader::id))
                .map(Leader::id);
    }

    public Optional<String> superiorOf(String leaderId) {
        return leader(leaderId).map(Leader::superiorId).filter(superior -> !superior.equals(leaderId));
    }

    /** The leader at the top of the city's chain (no superior). */
    public Optional<String> top() {
        return leaders.values().stream()
                .filter(leader -> leader.superiorId() == null)
                .min(Comparator.comparing(Leader::id))
                .map(Leader::id);
    }

    /**
     * Whom an overdue appeal goes to next, as the assignment service escalates: the superior of the leader who
     * answers for it now; without one, the head of the holding department, else the enterprise's liaison leader,
     * else the city's top leader.
     */
    public Optional<String> escalateTo(String responsibleLeader, String departmentId, String liaisonLeader) {
        if (responsibleLeader != null) {
            return superiorOf(responsibleLeader);
        }
        return headOf(departmentId).or(() -> Optional.ofNullable(liaisonLeader)).or(this::top);
    }
}
