package cn.qinqing.assignment.directory.web;

import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.DirectoryAsOf;
import cn.qinqing.platform.web.FreshReads;
import java.time.Instant;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory as it stood at any past instant: who headed which department, who was whose superior, when. */
@RestController
@RequestMapping(path = "/api/assignment/directory", produces = MediaType.APPLICATION_JSON_VALUE)
class DirectoryAsOfController {

    private final DirectoryAsOf directory;
    private final FreshReads reads;

    DirectoryAsOfController(DirectoryAsOf directory, FreshReads reads) {
        this.directory = directory;
        this.reads = reads;
    }

    /** @param asOf an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z; now when absent */
    @GetMapping
    ResponseEntity<Map<String, Object>> at(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return reads.ok(Directory.PROCESSING_GROUP).body(directory.at(asOf == null ? Instant.now() : asOf));
    }
}
