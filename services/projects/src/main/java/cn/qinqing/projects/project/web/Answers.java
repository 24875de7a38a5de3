package cn.qinqing.projects.project.web;

import java.util.UUID;

/** What the projects API answers to writes. */
final class Answers {

    private Answers() {}

    /** The project's new version after a change (also its ETag). */
    record ProjectChanged(UUID id, long version) {}

    /** A blocker raised on a project, the appeal it becomes, and the project's version after it. */
    record BlockerRaised(UUID id, UUID projectId, UUID appealId, long projectVersion) {}
}
