package cn.qinqing.portal.supervisor;

/**
 * What the supervisor's timeline page shows (issue 22): the appeal as of an instant — a step of its history picked
 * with the slider, or a date and time typed in (Asia/Shanghai) — and, optionally, as an enterprise, an official of a
 * department or a leader saw it then.
 */
public class TimelineLens {

    private Integer step;
    private String asOf;
    private String viewer;
    private String department;
    private String leader;

    public Integer getStep() {
        return step;
    }

    public void setStep(Integer step) {
        this.step = step;
    }

    public String getAsOf() {
        return asOf;
    }

    public void setAsOf(String asOf) {
        this.asOf = asOf;
    }

    public String getViewer() {
        return viewer;
    }

    public void setViewer(String viewer) {
        this.viewer = viewer;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getLeader() {
        return leader;
    }

    public void setLeader(String leader) {
        this.leader = leader;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
