package cn.qinqing.projects.project.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record NoteProgressCommand(
        @TargetAggregateIdentifier UUID projectId, Requester requester, String note, Instant notedAt) {}
