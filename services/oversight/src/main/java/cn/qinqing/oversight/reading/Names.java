package cn.qinqing.oversight.reading;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Holder;
import cn.qinqing.oversight.kpi.Kpis;
import java.time.Duration;
import java.util.Map;

/**
 * Names of departments, enterprises and the dispatch queue as of an instant, for people to read; and what every
 * answer about appeals shares: which enterprise an appeal is about, who looks after it, working time in hours and days.
 */
public record Names(DirectorySnapshot directory, Map<String, Directory.Enterprise> enterprises) {

    public static final String DISPATCH_NAME = "派单中心";

    public HolderView holder(Holder holder) {
        return switch (holder.kind()) {
            case DISPATCH -> new HolderView(holder.kind().name(), holder.id(), DISPATCH_NAME);
            case DEPARTMENT -> new HolderView(holder.kind().name(), holder.id(), directory.departmentName(holder.id()));
            case ENTERPRISE -> new HolderView(holder.kind().name(), holder.id(), enterprise(holder.id()));
        };
    }

    public String enterprise(String id) {
        if (id == null) {
            return null;
        }
        Directory.Enterprise enterprise = enterprises.get(id);
        return enterprise == null ? id : enterprise.name();
    }

    /** The enterprise the appeal is about: as its events say, else as its dimensions do. */
    public static String enterpriseOf(AppealHistory history, AppealDimension dimension) {
        return history.enterpriseId() != null
                ? history.enterpriseId()
                : dimension == null ? null : dimension.enterpriseId();
    }

    /** The leader who looks after the enterprise (包联领导), if any. */
    public static String liaisonLeader(Map<String, Directory.Liaison> liaisons, String enterpriseId) {
        Directory.Liaison liaison = enterpriseId == null ? null : liaisons.get(enterpriseId);
        return liaison == null ? null : liaison.leaderId();
    }

    public static double hours(Duration duration) {
        return Kpis.round(duration.toMinutes() / 60.0, 2);
    }

    public static double days(Duration duration) {
        return Kpis.round(duration.toMinutes() / (double) WorkingCalendar.WORKING_DAY.toMinutes(), 2);
    }
}
