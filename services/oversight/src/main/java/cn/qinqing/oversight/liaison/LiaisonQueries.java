package cn.qinqing.oversight.liaison;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.chain.EnterpriseMeetings;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.eventlog.Histories;
import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.HolderView;
import cn.qinqing.oversight.reading.Names;
import cn.qinqing.oversight.reading.ReadModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The liaison view (包联): the appeals of the enterprises a leader looks after, as of an instant. */
@Service
public class LiaisonQueries {

    /** One appeal of an enterprise a liaison leader looks after. */
    public record LiaisonAppeal(
            UUID appealId,
            String enterpriseId,
            String enterpriseName,
            boolean keyEnterprise,
            String title,
            String category,
            String status,
            HolderView holder,
            Instant filedAt,
            Instant resolutionDue,
            List<String> overdue) {}

    /** A liaison leader's enterprises, their appeals and the breakfast meetings they were invited to. */
    public record LiaisonView(
            String leaderId,
            String leaderName,
            Instant asOf,
            List<String> enterprises,
            List<LiaisonAppeal> appeals,
            List<EnterpriseMeetings.MeetingAttendance> meetings,
            Freshness freshness) {}

    private final Histories histories;
    private final AppealEventLog events;
    private final Directory directory;
    private final ReadModels readModels;
    private final EnterpriseMeetings meetings;

    LiaisonQueries(
            Histories histories,
            AppealEventLog events,
            Directory directory,
            ReadModels readModels,
            EnterpriseMeetings meetings) {
        this.histories = histories;
        this.events = events;
        this.directory = directory;
        this.readModels = readModels;
        this.meetings = meetings;
    }

    /** The appeals of the enterprises the leader looked after at the instant. */
    public LiaisonView liaison(String leaderId, Instant asOf) {
        Freshness freshness = readModels.freshness();
        Directory.View known = directory.at(asOf);
        WorkingCalendar calendar = known.calendar();
        Map<String, Directory.Liaison> liaisons = known.liaisons();
        Map<String, Directory.Liaison> own = liaisons.values().stream()
                .filter(liaison -> leaderId.equals(liaison.leaderId()))
                .collect(Collectors.toMap(Directory.Liaison::enterpriseId, liaison -> liaison));
        DirectorySnapshot snapshot = known.snapshot();
        Names names = new Names(snapshot, directory.enterprises(own.keySet()));
        List<AppealHistory> appealHistories = new ArrayList<>(); // a leader looks after a handful of enterprises
        histories.ofEnterprises(own.keySet(), asOf, calendar, appealHistories::add);
        Map<UUID, AppealDimension> dimensions = events.dimensions(
                appealHistories.stream().map(AppealHistory::appealId).toList());
        List<LiaisonAppeal> appeals = new ArrayList<>();
        for (AppealHistory history : appealHistories) {
            AppealDimension dimension = dimensions.get(history.appealId());
            String enterpriseId = Names.enterpriseOf(history, dimension);
            Directory.Liaison liaison = own.get(enterpriseId);
            appeals.add(new LiaisonAppeal(
                    history.appealId(),
                    enterpriseId,
                    names.enterprise(enterpriseId),
                    liaison != null && liaison.keyEnterprise(),
                    history.title() != null ? history.title() : dimension.title(),
                    dimension.category(),
                    history.status() == null ? null : history.status().name(),
                    history.holder() == null ? null : names.holder(history.holder()),
                    history.filedAt() != null ? history.filedAt() : dimension.filedAt(),
                    history.resolutionDue(),
                    history.overdue().stream().map(o -> o.kind().name()).toList()));
        }
        appeals.sort(Comparator.comparing(
                        (LiaisonAppeal appeal) -> appeal.filedAt() == null ? Instant.EPOCH : appeal.filedAt())
                .reversed()
                .thenComparing(appeal -> appeal.appealId().toString()));
        return new LiaisonView(
                leaderId,
                snapshot.leaderName(leaderId),
                asOf,
                own.keySet().stream().sorted().toList(),
                appeals,
                meetings.of(own.keySet(), asOf),
                freshness);
    }
}
