package cn.qinqing.assignment.dispatch.reaction;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.platform.PlatformProperties;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends the commands of reactions in the service's own name ({@code system:assignment}, role SYSTEM), keeping the
 * correlation id of the request that started it all. Without this, a command sent while handling an event would
 * inherit that event's actor, and the enterprise that filed an appeal would appear to have dispatched it.
 */
@Component
class ServiceCommands {

    private final CommandGateway commands;
    private final Map<String, Object> metadata;

    ServiceCommands(CommandGateway commands, PlatformProperties properties) {
        this.commands = commands;
        this.metadata = Map.of(MetadataKeys.ACTOR, "system:" + properties.name(), MetadataKeys.ROLE, "SYSTEM");
    }

    <R> R send(Object command) {
        return commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }
}
