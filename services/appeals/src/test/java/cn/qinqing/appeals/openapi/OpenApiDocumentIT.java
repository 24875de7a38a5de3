package cn.qinqing.appeals.openapi;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.testsupport.OpenApiDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says what the appeals API answers, and the generated client's copy of it is the served one. */
class OpenApiDocumentIT extends AppealsApiTestBase {

    /** The copy the test client is generated from (openapi-generator-maven-plugin in this module's pom). */
    static final Path CLIENT_COPY = Path.of("src", "test", "openapi", "appeals.json");

    @Test
    void declaresTheRealStatusesHeadersAndProblemsOfEveryOperation() {
        OpenApiDocument.served(port, "appeals")
                .assertSound()
                .assertCreates("POST /api/appeals", "POST /api/appeals/enterprises")
                .assertStatuses("POST /api/appeals/{id}/supplements", "200", "400", "404", "409", "428")
                .assertStatuses("POST /api/appeals", "422", "429");
    }

    @Test
    void theGeneratedClientIsGeneratedFromTheServedDocument() {
        OpenApiDocument.served(port, "appeals").assertSameAs(CLIENT_COPY);
    }
}
