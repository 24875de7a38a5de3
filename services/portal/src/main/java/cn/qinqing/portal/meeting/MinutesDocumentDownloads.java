package cn.qinqing.portal.meeting;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A document of a meeting's minutes, streamed from the meetings API with the signed-in user's token, for every role:
 * the meetings service lets through exactly who may read the minutes (an invited enterprise once they are published).
 */
@Controller
class MinutesDocumentDownloads {

    private final MeetingsApi meetings;

    MinutesDocumentDownloads(MeetingsApi meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/meetings/{id}/minutes/documents/{documentId}")
    void document(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletResponse response) {
        meetings.downloadMinutesDocument(id, documentId, response);
    }
}
