package cn.qinqing.assignment.directory.web;

import cn.qinqing.assignment.directory.command.ChangeLeaderCommand;
import cn.qinqing.assignment.directory.command.RegisterLeaderCommand;
import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.LeaderView;
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

/** The city's leaders (领导), their rank and chain of command. Admins register and change them. */
@RestController
@RequestMapping(path = "/api/assignment/leaders", produces = MediaType.APPLICATION_JSON_VALUE)
class LeaderController {

    private final CommandGateway commands;
    private final Directory directory;
    private final FreshReads reads;

    LeaderController(CommandGateway commands, Directory directory, FreshReads reads) {
        this.commands = commands;
        this.directory = directory;
        this.reads = reads;
    }

    @GetMapping
    ResponseEntity<List<LeaderView>> list() {
        return reads.ok(Directory.PROCESSING_GROUP).body(directory.leaders());
    }

    @GetMapping("/{leaderId}")
    ResponseEntity<LeaderView> get(
            @PathVariable @Pattern(regexp = DirectoryRequests.PERSON_ID, message = DirectoryRequests.PERSON_ID_MESSAGE)
                    String leaderId) {
        LeaderView leader = find(leaderId);
        return reads.ok(Directory.PROCESSING_GROUP)
                .eTag(ETags.of(leader.version()))
                .body(leader);
    }

    /** The leader and every superior above, up to the city's top: whom an appeal escalates to, in order. */
    @GetMapping("/{leaderId}/chain")
    List<LeaderView> chain(
            @PathVariable @Pattern(regexp = DirectoryRequests.PERSON_ID, message = DirectoryRequests.PERSON_ID_MESSAGE)
                    String leaderId) {
        find(leaderId);
        return directory.chainOf(leaderId);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> register(@Valid @RequestBody DirectoryRequests.NewLeader request) {
        requirePlace(request.leaderId(), request.departmentId(), request.superiorLeaderId());
        commands.sendAndWait(new RegisterLeaderCommand(
                request.leaderId(),
                request.name(),
                request.title(),
                request.rank(),
                request.departmentId(),
                request.superiorLeaderId(),
                Instant.now()));
        return ResponseEntity.created(URI.create("/api/assignment/leaders/" + request.leaderId()))
                .eTag(ETags.of(0))
                .body(new Changed(request.leaderId(), 0));
    }

    @PutMapping(path = "/{leaderId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> change(
            @PathVariable @Pattern(regexp = DirectoryRequests.PERSON_ID, message = DirectoryRequests.PERSON_ID_MESSAGE)
                    String leaderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DirectoryRequests.LeaderChange request) {
        long expected = ETags.version(ifMatch);
        requirePlace(leaderId, request.departmentId(), request.superiorLeaderId());
        long version = commands.sendAndWait(new ChangeLeaderCommand(
                leaderId,
                expected,
                request.name(),
                request.title(),
                request.rank(),
                request.departmentId(),
                request.superiorLeaderId(),
                Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Changed(leaderId, version));
    }

    private LeaderView find(String leaderId) {
        return directory
                .leader(leaderId)
                .orElseThrow(() -> new NotFoundException("There is no leader " + leaderId + "."));
    }

    /** The department must exist; the superior must exist and must not be the leader or anyone below them. */
    private void requirePlace(String leaderId, String departmentId, String superiorLeaderId) {
        if (departmentId != null && !directory.hasDepartment(departmentId)) {
            throw new InvalidRequestException("departmentId", "is not a department of the directory");
        }
        if (superiorLeaderId == null) {
            return;
        }
        if (!directory.hasLeader(superiorLeaderId)) {
            throw new InvalidRequestException("superiorLeaderId", "is not a leader of the directory");
        }
        if (directory.chainOf(superiorLeaderId).stream()
                .anyMatch(above -> above.leaderId().equals(leaderId))) {
            throw new InvalidRequestException(
                    "superiorLeaderId", "is this leader or one below them: the chain of command would be a circle");
        }
    }
}
