package cn.qinqing.appeals.enterprise.web;

import cn.qinqing.appeals.enterprise.command.RegisterEnterpriseCommand;
import cn.qinqing.appeals.enterprise.query.EnterpriseView;
import cn.qinqing.appeals.enterprise.query.Enterprises;
import cn.qinqing.language.Role;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.validation.Uscc;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enterprise registration (企业注册). An enterprise user registers the enterprise their account belongs to; an
 * admin may register any. The USCC is the enterprise's id, so registering twice is refused (409).
 */
@RestController
@Validated
@RequestMapping(path = "/api/appeals/enterprises", produces = MediaType.APPLICATION_JSON_VALUE)
class EnterpriseController {

    private final CommandGateway commands;
    private final Enterprises enterprises;

    EnterpriseController(CommandGateway commands, Enterprises enterprises) {
        this.commands = commands;
        this.enterprises = enterprises;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EnterpriseRegistered> register(@Valid @RequestBody RegisterEnterpriseRequest request) {
        Actor actor = Actor.require();
        if (actor.is(Role.ENTERPRISE) && !request.uscc().equals(actor.enterpriseId())) {
            throw new InvalidRequestException("uscc", "must be the code of the enterprise your account belongs to");
        }
        var contact = request.contact();
        commands.sendAndWait(new RegisterEnterpriseCommand(
                request.uscc(),
                request.name(),
                request.chainPosition(),
                request.district(),
                new Contact(contact.name(), contact.phone(), contact.email()),
                Instant.now()));
        return ResponseEntity.created(URI.create("/api/appeals/enterprises/" + request.uscc()))
                .body(new EnterpriseRegistered(request.uscc()));
    }

    @GetMapping("/{uscc}")
    EnterpriseView get(@PathVariable @Uscc String uscc) {
        Actor actor = Actor.require();
        if (!actor.mayActFor(uscc)) {
            throw new NotFoundException("There is no enterprise " + uscc + " that you may see.");
        }
        return enterprises
                .find(uscc)
                .orElseThrow(() -> new NotFoundException("No enterprise " + uscc + " is registered."));
    }

    @GetMapping
    List<EnterpriseView> list() {
        return enterprises.all();
    }

    record EnterpriseRegistered(String id) {}
}
