package cn.qinqing.assignment.directory.web;

import cn.qinqing.assignment.directory.command.ChangeOfficialCommand;
import cn.qinqing.assignment.directory.command.RegisterOfficialCommand;
import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.OfficialView;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The officials (经办人) and the department each belongs to. Admins register and move them. */
@RestController
@RequestMapping(path = "/api/assignment/officials", produces = MediaType.APPLICATION_JSON_VALUE)
class OfficialController {

    private final CommandGateway commands;
    private final Directory directory;
    private final FreshReads reads;

    OfficialController(CommandGateway commands, Directory directory, FreshReads reads) {
        this.commands = commands;
        this.directory = directory;
        this.reads = reads;
    }

    @GetMapping
    ResponseEntity<List<OfficialView>> list(
            @RequestParam(required = false)
                    @Pattern(
                            regexp = DirectoryRequests.DEPARTMENT_ID,
                            message = DirectoryRequests.DEPARTMENT_ID_MESSAGE)
                    String departmentId) {
        return reads.ok(Directory.PROCESSING_GROUP).body(directory.officials(departmentId));
    }

    @GetMapping("/{officialId}")
    ResponseEntity<OfficialView> get(
            @PathVariable @Pattern(regexp = DirectoryRequests.PERSON_ID, message = DirectoryRequests.PERSON_ID_MESSAGE)
                    String officialId) {
        OfficialView official = directory
                .official(officialId)
                .orElseThrow(() -> new NotFoundException("There is no official " + officialId + "."));
        return ResponseEntity.ok().eTag(ETags.of(official.version())).body(official);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> register(@Valid @RequestBody DirectoryRequests.NewOfficial request) {
        requireDepartment(request.departmentId());
        commands.sendAndWait(new RegisterOfficialCommand(
                request.officialId(), request.name(), request.departmentId(), Instant.now()));
        return ResponseEntity.created(URI.create("/api/assignment/officials/" + request.officialId()))
                .eTag(ETags.of(0))
                .body(new Changed(request.officialId(), 0));
    }

    @PutMapping(path = "/{officialId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> change(
            @PathVariable @Pattern(regexp = DirectoryRequests.PERSON_ID, message = DirectoryRequests.PERSON_ID_MESSAGE)
                    String officialId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DirectoryRequests.OfficialChange request) {
        long expected = ETags.version(ifMatch);
        requireDepartment(request.departmentId());
        long version = commands.sendAndWait(
                new ChangeOfficialCommand(officialId, expected, request.name(), request.departmentId(), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Changed(officialId, version));
    }

    private void requireDepartment(String departmentId) {
        if (!directory.hasDepartment(departmentId)) {
            throw new InvalidRequestException("departmentId", "is not a department of the directory");
        }
    }
}
