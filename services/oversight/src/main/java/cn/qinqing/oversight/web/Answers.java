package cn.qinqing.oversight.web;

import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.platform.web.FreshReads;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Read answers: JSON, or CSV when the path ends in {@code .csv} or the caller accepts {@code text/csv} (and not
 * JSON first). Every answer says how fresh the read models were in {@code X-Read-Model-Position}.
 */
public final class Answers {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Answers() {}

    public static boolean wantsCsv(HttpServletRequest request) {
        if (request.getRequestURI().endsWith(".csv")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        // the caller's preference: highest quality first, the order given among equals
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    public static ResponseEntity<Object> json(Object body, Freshness freshness) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(FreshReads.HEADER, freshness.header())
                .body(body);
    }

    public static ResponseEntity<Object> csv(
            String name, List<String> header, List<List<Object>> rows, Freshness freshness) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(FreshReads.HEADER, freshness.header())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + ".csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(Csv.write(header, rows));
    }
}
