package cn.qinqing.oversight.kpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One appeal's KPI units as the kept folds store them ({@link KeptFoldQueries}): a few bytes per unit, read back in well under
 * a microsecond, since a read over a million appeals reads a million of them. No units: null. The appeal is the row's,
 * so it is not repeated. The layout is this class's code, part of the basis a fold is kept under: a change here makes
 * every kept fold one to make again, never one read wrongly.
 */
final class UnitCodec {

    private static final Kpis.Measure[] MEASURES = Kpis.Measure.values();

    private static final int MET = 1;
    private static final int NOT_RATED = 2;
    private static final int REOPENED = 4;
    private static final int RATED = 8;
    private static final int TIMED = 16;
    private static final int IN_A_MONTH = 32;
    private static final int IN_A_DEPARTMENT = 64;

    private UnitCodec() {}

    static byte[] encode(List<Kpis.Unit> units) {
        if (units.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * units.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(units.size());
            for (Kpis.Unit unit : units) {
                out.writeByte(unit.measure().ordinal());
                int flags = (unit.met() ? MET : 0)
                        | (unit.notRated() ? NOT_RATED : 0)
                        | (unit.reopened() ? REOPENED : 0)
                        | (unit.rating() != null ? RATED : 0)
                        | (unit.workingTime() != null ? TIMED : 0)
                        | (unit.month() != null ? IN_A_MONTH : 0)
                        | (unit.departmentId() != null ? IN_A_DEPARTMENT : 0);
                out.writeByte(flags);
                if (unit.departmentId() != null) {
                    out.writeUTF(unit.departmentId());
                }
                out.writeShort(unit.leaders().size());
                for (String leader : unit.leaders()) {
                    out.writeUTF(leader);
                }
                if (unit.month() != null) {
                    out.writeInt(unit.month().getYear() * 12 + unit.month().getMonthValue() - 1);
                }
                if (unit.rating() != null) {
                    out.writeInt(unit.rating());
                }
                if (unit.workingTime() != null) {
                    out.writeLong(unit.workingTime().getSeconds());
                    out.writeInt(unit.workingTime().getNano());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Kpis.Unit> decode(UUID appealId, byte[] encoded) {
        if (encoded == null) {
            return List.of();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readUnsignedShort();
            List<Kpis.Unit> units = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Kpis.Measure measure = MEASURES[in.readUnsignedByte()];
                int flags = in.readUnsignedByte();
                String department = (flags & IN_A_DEPARTMENT) != 0 ? in.readUTF() : null;
                int leaderCount = in.readUnsignedShort();
                Set<String> leaders;
                if (leaderCount == 0) {
                    leaders = Set.of();
                } else if (leaderCount == 1) {
                    leaders = Set.of(in.readUTF());
                } else {
                    leaders = new LinkedHashSet<>();
                    for (int l = 0; l < leaderCount; l++) {
                        leaders.add(in.readUTF());
                    }
                }
                YearMonth month = null;
                if ((flags & IN_A_MONTH) != 0) {
                    int months = in.readInt();
                    month = YearMonth.of(Math.floorDiv(months, 12), Math.floorMod(months, 12) + 1);
                }
                Integer rating = (flags & RATED) != 0 ? in.readInt() : null;
                Duration workingTime = (flags & TIMED) != 0 ? Duration.ofSeconds(in.readLong(), in.readInt()) : null;
                units.add(new Kpis.Unit(
                        measure,
                        appealId,
                        department,
                        leaders,
                        month,
                        (flags & MET) != 0,
                        rating,
                        (flags & NOT_RATED) != 0,
                        (flags & REOPENED) != 0,
                        workingTime));
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
