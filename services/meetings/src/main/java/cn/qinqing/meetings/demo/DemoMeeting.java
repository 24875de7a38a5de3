package cn.qinqing.meetings.demo;

import cn.qinqing.language.Ids;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.meetings.meeting.command.InviteEnterprisesCommand;
import cn.qinqing.meetings.meeting.command.Requester;
import cn.qinqing.meetings.meeting.command.ScheduleMeetingCommand;
import cn.qinqing.platform.eventstore.AggregateStreams;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local profile's demo meeting: hosted by {@code leader}, a week after the first start, 07:30–09:00 in Baotou,
 * with the two demo enterprises invited. Scheduled once (a second start finds it scheduled).
 */
@Component
@Profile("local")
class DemoMeeting {

    static final UUID ID = Ids.derive("demo-meeting", "photovoltaic-wafers-cells");
    static final String ENTERPRISE_A = "91150200MA0QA0001T";
    static final String ENTERPRISE_B = "91150200MA0QB0002M";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(DemoMeeting.class);

    private final CommandGateway commands;
    private final AggregateStreams streams;

    DemoMeeting(CommandGateway commands, AggregateStreams streams) {
        this.commands = commands;
        this.streams = streams;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        LocalDate day = LocalDate.now(CITY).plusDays(7);
        Instant startsAt = day.atTime(LocalTime.of(7, 30)).atZone(CITY).toInstant();
        ScheduleMeetingCommand schedule = new ScheduleMeetingCommand(
                ID,
                "leader",
                "光伏产业链：硅片与电池片 (photovoltaic chain: wafers and cells)",
                "市政府第一会议室 (City Hall, meeting room 1)",
                startsAt,
                day.atTime(LocalTime.of(9, 0)).atZone(CITY).toInstant(),
                12,
                List.of("industry-it", "natural-resources", "finance-office"),
                startsAt.minusSeconds(2 * 24 * 3600),
                Instant.now());
        if (!streams.createIfAbsent(commands, schedule)) {
            return; // scheduled by an earlier start
        }
        commands.sendAndWait(new InviteEnterprisesCommand(
                ID,
                0L,
                new Requester("system:meetings", true),
                List.of(
                        new InviteEnterprisesCommand.Invitee(ENTERPRISE_A, InvitationSelection.BY_HAND),
                        new InviteEnterprisesCommand.Invitee(ENTERPRISE_B, InvitationSelection.BY_HAND)),
                Instant.now()));
        log.info("Scheduled the demo breakfast meeting {} on {}", ID, day);
    }
}
