package cn.qinqing.assignment.directory.web;

import cn.qinqing.assignment.directory.command.AssignLiaisonCommand;
import cn.qinqing.assignment.directory.command.ChangeLiaisonCommand;
import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.EnterpriseView;
import cn.qinqing.assignment.directory.query.Enterprises;
import cn.qinqing.platform.validation.Uscc;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
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

/**
 * Enterprises as the city looks after them: their liaison leader (包联领导) and whether they are key enterprises. The
 * first setting is a create (POST, 409 when there is one already); later ones are updates with If-Match.
 */
@RestController
@RequestMapping(path = "/api/assignment/enterprises", produces = MediaType.APPLICATION_JSON_VALUE)
class EnterpriseLiaisonController {

    private final CommandGateway commands;
    private final Enterprises enterprises;
    private final Directory directory;
    private final FreshReads reads;

    EnterpriseLiaisonController(
            CommandGateway commands, Enterprises enterprises, Directory directory, FreshReads reads) {
        this.commands = commands;
        this.enterprises = enterprises;
        this.directory = directory;
        this.reads = reads;
    }

    @GetMapping
    ResponseEntity<List<EnterpriseView>> list() {
        return reads.ok(Directory.PROCESSING_GROUP).body(enterprises.all());
    }

    @GetMapping("/{enterpriseId}")
    ResponseEntity<EnterpriseView> get(@PathVariable @Uscc String enterpriseId) {
        EnterpriseView enterprise = enterprises
                .find(enterpriseId)
                .orElseThrow(() -> new NotFoundException("This service knows no enterprise " + enterpriseId + "."));
        var response = reads.ok(Directory.PROCESSING_GROUP);
        if (enterprise.liaisonVersion() != null) {
            response.eTag(ETags.of(enterprise.liaisonVersion()));
        }
        return response.body(enterprise);
    }

    @PostMapping(path = "/{enterpriseId}/liaison", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> assign(
            @PathVariable @Uscc String enterpriseId, @Valid @RequestBody DirectoryRequests.Liaison request) {
        requireLeader(request.liaisonLeaderId());
        commands.sendAndWait(new AssignLiaisonCommand(
                enterpriseId, request.liaisonLeaderId(), request.keyEnterprise(), Instant.now()));
        return ResponseEntity.created(URI.create("/api/assignment/enterprises/" + enterpriseId))
                .eTag(ETags.of(0))
                .body(new Changed(enterpriseId, 0));
    }

    @PutMapping(path = "/{enterpriseId}/liaison", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> change(
            @PathVariable @Uscc String enterpriseId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DirectoryRequests.Liaison request) {
        long expected = ETags.version(ifMatch);
        requireLeader(request.liaisonLeaderId());
        long version = commands.sendAndWait(new ChangeLiaisonCommand(
                enterpriseId, expected, request.liaisonLeaderId(), request.keyEnterprise(), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Changed(enterpriseId, version));
    }

    private void requireLeader(String leaderId) {
        if (leaderId != null && !directory.hasLeader(leaderId)) {
            throw new InvalidRequestException("liaisonLeaderId", "is not a leader of the directory");
        }
    }
}
