package cn.qinqing.appeals.appeal.web;

import cn.qinqing.appeals.appeal.command.RateAnswerCommand;
import cn.qinqing.appeals.appeal.command.ReopenAppealCommand;
import cn.qinqing.appeals.appeal.query.AppealDocuments;
import cn.qinqing.appeals.appeal.query.Appeals;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.platform.documents.Documents;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.validation.PlainText;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The enterprise's feedback on the city's answer (回访): a rating of 1 to 5 with a comment, or reopening the appeal
 * when not satisfied, both within the rating window and only for its own appeal (404 for anyone else's).
 */
@RestController
@RequestMapping(path = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealFeedbackController {

    private final CommandGateway commands;
    private final Appeals appeals;
    private final Documents documents;
    private final AppealDocuments appealDocuments;

    AppealFeedbackController(
            CommandGateway commands, Appeals appeals, Documents documents, AppealDocuments appealDocuments) {
        this.commands = commands;
        this.appeals = appeals;
        this.documents = documents;
        this.appealDocuments = appealDocuments;
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

    /** Reopening with files (multipart: the JSON part {@code reopening} and the {@code files}), ADR 0009. */
    @PostMapping(path = "/{id}/reopening", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AppealChanged> reopenWithDocuments(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestPart("reopening") ReopeningRequest request,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        long version = ETags.version(ifMatch);
        String enterprise = Actor.require().enterpriseId();
        List<MultipartFile> uploads = files == null
                ? List.of()
                : files.stream().filter(file -> !file.isEmpty()).toList();
        appeals.find(id)
                .filter(appeal -> appeal.enterpriseId().equals(enterprise))
                .orElseThrow(() -> new NotFoundException("There is no appeal " + id + " that you may see."));
        documents.checkSizes(uploads, appealDocuments.totalSize(id), "files");
        List<DocumentRef> stored = documents.uploadAll(uploads, "files");
        try {
            commands.sendAndWait(
                    new ReopenAppealCommand(id, version, enterprise, request.reason(), Instant.now(), stored));
        } catch (RuntimeException e) {
            stored.forEach(document -> documents.discard(document.documentId()));
            throw e;
        }
        documents.commit(stored);
        return changed(id, version + (stored.isEmpty() ? 1 : 2));
    }

    private static ResponseEntity<AppealChanged> changed(UUID id, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new AppealChanged(id, version));
    }
}
