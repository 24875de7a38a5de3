package cn.qinqing.projects.project.command;

/** The caller may read the project but is not among those who record its progress: 403. */
public class NotResponsible extends RuntimeException {
    public NotResponsible(String message) {
        super(message);
    }
}
