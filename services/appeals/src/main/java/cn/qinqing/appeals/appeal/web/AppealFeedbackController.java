package cn.qinqing.appeals.appeal.web;

import cn.qinqing.appeals.appeal.command.RateAnswerCommand;
import cn.qinqing.appeals.appeal.command.ReopenAppealCommand;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.validation.PlainText;
import cn.qinqing.platform.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enterprise's feedback on the city's answer (回访): a rating of 1 to 5 with a comment, or reopening the appeal
 * when not satisfied, both within the rating window and only for its own appeal (404 for anyone else's).
 */
@RestController
@RequestMapping(path = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealFeedbackController {

    private final CommandGateway commands;

    AppealFeedbackController(CommandGateway commands) {
        this.commands = commands;
    }

    /** @param rating 1 (very dissatisfied) to 5 (very satisfied); 4 and 5 count as satisfied */
    record RatingRequest(
            @NotNull @Min(1) @Max(5) Integer rating, @Size(max = 1000) @PlainText(multiline = true) String comment) {}

    record ReopeningRequest(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {}

    @PostMapping(path = "/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppealChanged> rate(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RatingRequest request) {
        long version = ETags.version(ifMatch);
        commands.sendAndWait(new RateAnswerCommand(
                id, version, Actor.require().enterpriseId(), request.rating(), request.comment(), Instant.now()));
        return changed(id, version + 1);
    }

    @PostMapping(path = "/{id}/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppealChanged> reopen(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReopeningRequest request) {
        long version = ETags.version(ifMatch);
        commands.sendAndWait(
                new ReopenAppealCommand(id, version, Actor.require().enterpriseId(), request.reason(), Instant.now()));
        return changed(id, version + 1);
    }

    private static ResponseEntity<AppealChanged> changed(UUID id, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new AppealChanged(id, version));
    }
}
