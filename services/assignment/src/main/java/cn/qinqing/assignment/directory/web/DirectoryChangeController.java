package cn.qinqing.assignment.directory.web;

import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.DirectoryChange;
import cn.qinqing.platform.web.FreshReads;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every change of the directory: who changed what, when (latest first, paged by stream position). */
@RestController
@RequestMapping(path = "/api/assignment/directory/changes", produces = MediaType.APPLICATION_JSON_VALUE)
class DirectoryChangeController {

    private final Directory directory;
    private final FreshReads reads;

    DirectoryChangeController(Directory directory, FreshReads reads) {
        this.directory = directory;
        this.reads = reads;
    }

    /**
     * @param subjectType DEPARTMENT, LEADER, OFFICIAL, ENTERPRISE or ROUTING_RULE
     * @param before the position of the last change of the previous page
     */
    @GetMapping
    ResponseEntity<List<DirectoryChange>> list(
            @RequestParam(required = false)
                    @Pattern(
                            regexp = "DEPARTMENT|LEADER|OFFICIAL|ENTERPRISE|ROUTING_RULE",
                            message = "must be DEPARTMENT, LEADER, OFFICIAL, ENTERPRISE or ROUTING_RULE")
                    String subjectType,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "is not an id")
                    String subjectId,
            @RequestParam(required = false) @Min(0) Long before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return reads.ok(Directory.PROCESSING_GROUP).body(directory.changes(subjectType, subjectId, before, limit));
    }
}
