package cn.qinqing.assignment.directory.web;

import cn.qinqing.assignment.directory.command.AddRoutingRuleCommand;
import cn.qinqing.assignment.directory.command.ChangeRoutingRuleCommand;
import cn.qinqing.assignment.directory.command.RemoveRoutingRuleCommand;
import cn.qinqing.assignment.directory.command.RoutingConditions;
import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.RoutingPolicy;
import cn.qinqing.assignment.directory.query.RoutingRuleView;
import cn.qinqing.assignment.directory.query.RoutingRules;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.platform.domain.RuleViolation;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing rules (派单规则): category (+ optionally industry-chain position and district) → department, and one
 * default rule. {@code GET ?asOf=} shows the rules in force at any past instant, each as it read then.
 */
@RestController
@RequestMapping(path = "/api/assignment/routing-rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RoutingRuleController {

    private final CommandGateway commands;
    private final RoutingRules rules;
    private final Directory directory;
    private final IdempotentCreates creates;
    private final FreshReads reads;

    RoutingRuleController(
            CommandGateway commands,
            RoutingRules rules,
            Directory directory,
            IdempotentCreates creates,
            FreshReads reads) {
        this.commands = commands;
        this.rules = rules;
        this.directory = directory;
        this.creates = creates;
        this.reads = reads;
    }

    /** The rules in force now, or at the given instant (ISO-8601, e.g. 2026-11-01T00:00:00Z). */
    @GetMapping
    ResponseEntity<List<RoutingRuleView>> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return reads.ok(Directory.PROCESSING_GROUP).body(asOf == null ? rules.inForce() : rules.inForceAt(asOf));
    }

    /** Which department an appeal would be routed to now, and by which rule; 404 when it would go to the queue. */
    @GetMapping("/route")
    RoutingRuleView route(
            @RequestParam AppealCategory category,
            @RequestParam(required = false) IndustryChainPosition chainPosition,
            @RequestParam(required = false) @Size(max = 100) String district) {
        return RoutingPolicy.route(rules.inForce(), category, chainPosition, district)
                .orElseThrow(() ->
                        new NotFoundException("No rule routes this appeal: it would wait in the dispatcher's queue."));
    }

    /** The rule as it reads now (ETag: its version) and every earlier version with the interval it was in force. */
    @GetMapping("/{ruleId}")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID ruleId) {
        List<RoutingRuleView> history = rules.history(ruleId);
        if (history.isEmpty()) {
            throw new NotFoundException("There is no routing rule " + ruleId + ".");
        }
        RoutingRuleView last = history.get(history.size() - 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ruleId", ruleId);
        body.put("inForce", last.validTo() == null);
        body.put("current", last.validTo() == null ? last : null);
        body.put("history", history);
        var response = reads.ok(Directory.PROCESSING_GROUP);
        if (last.validTo() == null) {
            response.eTag(ETags.of(last.version()));
        }
        return response.body(body);
    }

    /** Adds a rule; with an {@code Idempotency-Key}, a retry gives the same rule once. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> add(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody DirectoryRequests.Rule request) {
        RoutingConditions conditions = conditions(request);
        requireDepartment(request.departmentId());
        var added = creates.create(
                "routing-rule:" + Actor.require().subject(),
                "routing-rule",
                idempotencyKey,
                IdempotencyKeys.bytes(conditions + "\u001f" + request.departmentId()),
                ruleId -> {
                    // a retry finds its own rule, once projected, and that is no twin: asking the read model first
                    // whether the rule exists, and then for twins, raced with the projection (R2 at 1,000: three
                    // retries answered 409)
                    requireNoTwin(ruleId, conditions);
                    return commands.sendAndWait(
                            new AddRoutingRuleCommand(ruleId, conditions, request.departmentId(), Instant.now()));
                });
        return added.answer(URI.create("/api/assignment/routing-rules/" + added.id()))
                .eTag(ETags.of(0))
                .body(new Changed(added.id().toString(), 0));
    }

    @PutMapping(path = "/{ruleId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Changed> change(
            @PathVariable UUID ruleId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DirectoryRequests.Rule request) {
        long expected = ETags.version(ifMatch);
        RoutingConditions conditions = conditions(request);
        requireDepartment(request.departmentId());
        requireNoTwin(ruleId, conditions);
        long version = commands.sendAndWait(
                new ChangeRoutingRuleCommand(ruleId, expected, conditions, request.departmentId(), Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Changed(ruleId.toString(), version));
    }

    @DeleteMapping("/{ruleId}")
    ResponseEntity<Changed> remove(
            @PathVariable UUID ruleId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long expected = ETags.version(ifMatch);
        long version = commands.sendAndWait(new RemoveRoutingRuleCommand(ruleId, expected, Instant.now()));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Changed(ruleId.toString(), version));
    }

    private static RoutingConditions conditions(DirectoryRequests.Rule request) {
        RoutingConditions conditions =
                new RoutingConditions(request.category(), request.chainPosition(), request.district());
        if (!conditions.isWellFormed()) {
            throw new InvalidRequestException(
                    "category",
                    "is required when a chain position or district is given (no category: the default rule)");
        }
        return conditions;
    }

    private void requireDepartment(String departmentId) {
        if (!directory.hasDepartment(departmentId)) {
            throw new InvalidRequestException("departmentId", "is not a department of the directory");
        }
    }

    /** Two rules in force with the same conditions would make routing a matter of age; one must go first. */
    private void requireNoTwin(UUID ruleId, RoutingConditions conditions) {
        rules.inForce().stream()
                .filter(rule -> !rule.ruleId().equals(ruleId))
                .filter(rule ->
                        rule.sameConditionsAs(conditions.category(), conditions.chainPosition(), conditions.district()))
                .findFirst()
                .ifPresent(twin -> {
                    throw new RuleViolation(
                            "duplicate-routing-rule",
                            "Rule " + twin.ruleId() + " already routes these appeals (to " + twin.departmentId()
                                    + "); change that rule instead.");
                });
    }
}
