package cn.qinqing.projects.openapi;

import cn.qinqing.projects.ProjectsApiTestBase;
import cn.qinqing.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The projects service's OpenAPI document says what its API answers (real statuses, headers, problem details, an
 * example per request body), so that a generated client works; it is also written to target/openapi/ for the lint.
 */
class OpenApiDocumentIT extends ProjectsApiTestBase {

    @Test
    void declaresTheRealStatusesHeadersAndProblemsOfEveryOperation() {
        OpenApiDocument.served(port, "projects")
                .assertSound()
                .assertCreates("POST /api/projects", "POST /api/projects/{id}/blockers");
    }
}
