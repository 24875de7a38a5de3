package cn.qinqing.oversight.readlog;

import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.readlog.RecordsRead;
import cn.qinqing.platform.web.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who looked at what (issue 22): the platform's read log, per appeal ("who looked at this case") or per person, newest
 * first. Reading it is itself a read the log records.
 */
@RestController
@Validated
@RequestMapping(path = "/api/oversight/read-log", produces = MediaType.APPLICATION_JSON_VALUE)
class ReadLogController {

    private final ReadLogQueries queries;

    ReadLogController(ReadLogQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @RecordsRead(value = "READ_LOG", appeal = "appeal")
    ReadLogPage reads(
            @RequestParam(required = false) UUID appeal,
            @RequestParam(required = false) @Pattern(regexp = "[^\\p{Cntrl}]{1,255}", message = "is not a user name")
                    String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (appeal == null && actor == null) {
            throw new InvalidRequestException("appeal", "is required unless actor names a person");
        }
        Instant until = Params.asOf(to);
        if (from != null && from.isAfter(until)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        List<ReadLogEntry> entries = queries.reads(appeal, actor, from, until, limit);
        return new ReadLogPage(appeal, actor, from, until, entries);
    }

    /** One page of the read log, newest first, with what was asked. */
    record ReadLogPage(UUID appeal, String actor, Instant from, Instant to, List<ReadLogEntry> entries) {}
}
