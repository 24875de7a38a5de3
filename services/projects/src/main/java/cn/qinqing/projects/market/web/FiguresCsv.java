package cn.qinqing.projects.market.web;

import cn.qinqing.projects.market.query.FiguresView;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.MediaType;

/**
 * The market figures as CSV (RFC 4180, UTF-8): one line per chain link and month, then one line per link with its
 * local supporting rate (month {@code all}).
 */
final class FiguresCsv {

    static final MediaType TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private FiguresCsv() {}

    static String write(FiguresView figures) {
        StringBuilder csv = new StringBuilder(line(Stream.of(
                "chainLink",
                "month",
                "proposed",
                "introduced",
                "signed",
                "contractValueCny",
                "needs",
                "needsMet",
                "localSupportingRate",
                "referredToMeetings")));
        for (FiguresView.LinkMonth m : figures.months()) {
            csv.append(line(Stream.of(
                    m.chainLink(),
                    m.month(),
                    m.proposed(),
                    m.introduced(),
                    m.signed(),
                    m.contractValueCny().toPlainString(),
                    "",
                    "",
                    "",
                    "")));
        }
        for (FiguresView.LinkSupport l : figures.links()) {
            csv.append(line(Stream.of(
                    l.chainLink(),
                    "all",
                    "",
                    "",
                    "",
                    l.contractValueCny().toPlainString(),
                    l.needs(),
                    l.needsMet(),
                    l.localSupportingRate() == null
                            ? ""
                            : l.localSupportingRate().toPlainString(),
                    l.referredToMeetings())));
        }
        return csv.toString();
    }

    private static String line(Stream<?> cells) {
        return cells.map(cell -> cell == null ? "" : cell.toString()).collect(Collectors.joining(",")) + "\r\n";
    }
}
