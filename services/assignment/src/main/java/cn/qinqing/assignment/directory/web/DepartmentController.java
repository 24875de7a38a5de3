package cn.qinqing.assignment.directory.web;

import cn.qinqing.assignment.directory.command.ChangeDepartmentCommand;
import cn.qinqing.assignment.directory.command.RegisterDepartmentCommand;
import cn.qinqing.assignment.directory.query.DepartmentView;
import cn.qinqing.assignment.directory.query.Directory;
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
import org.springframework.web.bind.annotation.RestController;

/** The city's departments (部门) in their hierarchy up to 市委市政府. Admins register and change them. */
@RestController
@RequestMapping(path = "/api/assignment/departments", produces = MediaType.APPLICATION_JSON_VALUE)
class DepartmentController {

    private final CommandGateway commands;
    private final Directory directory;
    private final FreshReads reads;

    DepartmentController(CommandGateway commands, Directory directory, FreshReads reads) {
        this.commands = commands;
        this.directory = directory;
        this.reads = reads;
    }

    @GetMapping
    ResponseEntity<List<DepartmentView>> list() {
        return reads.ok(Directory.PROCESSING_GROUP).body(directory.departments());
    }

    @GetMapping("/{departmentId}")
    ResponseEntity<DepartmentView> get(
            @PathVariable
                    @Pattern(
                            regexp = DirectoryRequests.DEPARTMENT_ID,
                            message = DirectoryRequests.DEPARTMENT_ID_MESSAGE)
                    String departmentId) {
        DepartmentView department = directory
                .department(departmentId)
                .orElseThrow(() -> new NotFoundException("There is no department " + departmentId + "."));
        return reads.ok(Directory.PROCESSING_GROUP)
                .eTag(ETags.of(department.version()))
                .body(department);
    }

    /** Registers a department; its id is its slug, so registering it twice is a conflict (409). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> register(@Valid @RequestBody DirectoryRequests.NewDepartment request) {
        requireParent(request.departmentId(), request.parentDepartmentId());
        commands.sendAndWait(new RegisterDepartmentCommand(
                request.departmentId(), request.name(), request.parentDepartmentId(), Instant.now()));
        return ResponseEntity.created(URI.create("/api/assignment/departments/" + request.departmentId()))
                .eTag(ETags.of(0))
                .body(new Changed(request.departmentId(), 0));
    }

    @PutMapping(path = "/{departmentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> change(
            @PathVariable
                    @Pattern(
                            regexp = DirectoryRequests.DEPARTMENT_ID,
                            message = DirectoryRequests.DEPARTMENT_ID_MESSAGE)
                    String departmentId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DirectoryRequests.DepartmentChange request) {
        long expected = ETags.version(ifMatch);
        requireParent(departmentId, request.parentDepartmentId());
        long version = commands.sendAndWait(new ChangeDepartmentCommand(
                departmentId, expected, request.name(), request.parentDepartmentId(), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Changed(departmentId, version));
    }

    /** The parent must exist, and must not be the department itself or one below it. */
    private void requireParent(String departmentId, String parentDepartmentId) {
        if (parentDepartmentId == null) {
            return;
        }
        if (!directory.hasDepartment(parentDepartmentId)) {
            throw new InvalidRequestException("parentDepartmentId", "is not a department of the directory");
        }
        if (directory.departmentAndParents(parentDepartmentId).contains(departmentId)) {
            throw new InvalidRequestException(
                    "parentDepartmentId", "is this department or one below it: the hierarchy would be a circle");
        }
    }
}
