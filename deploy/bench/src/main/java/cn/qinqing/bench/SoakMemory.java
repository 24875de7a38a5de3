package cn.qinqing.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's heap after garbage collection, read from its GC log ({@code -Xlog:gc}, one file per process): of the
 * collections since the last reading, the smallest heap left after one (kB) — the floor that a leak would raise. The
 * services' own memory is not touched: no forced collection, no agent.
 */
final class SoakMemory {

    /** {@code … Pause Young (Allocation Failure) 40M->12M(100M) 3.2ms}: the heap before, after and its size. */
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Path directory;
    private final Map<Long, Long> offsets = new HashMap<>();

    SoakMemory(Path directory) {
        this.directory = directory;
    }

    /** The JVM option that makes each service log its collections where this reads them. */
    String javaOption() {
        return "-Xlog:gc:file=" + directory.resolve("gc-%p.log") + "::filecount=0";
    }

    /** The lowest heap after a collection since the last call, kB; empty when the process did not collect. */
    OptionalLong floorKib(long pid) {
        Path log = directory.resolve("gc-" + pid + ".log");
        if (!Files.exists(log)) return OptionalLong.empty();
        long floor = Long.MAX_VALUE;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long offset = offsets.getOrDefault(pid, 0L);
            if (file.length() <= offset) return OptionalLong.empty();
            file.seek(offset);
            byte[] fresh = new byte[(int) Math.min(Integer.MAX_VALUE, file.length() - offset)];
            file.readFully(fresh);
            String text = new String(fresh, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1; // a line still being written is read next time
            offsets.put(pid, offset + text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
            Matcher collection = COLLECTION.matcher(text.substring(0, end));
            while (collection.find()) {
                floor = Math.min(floor, kib(collection.group(3), collection.group(4)));
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return floor == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(floor);
    }

    private static long kib(String value, String unit) {
        long number = Long.parseLong(value);
        return switch (unit) {
            case "G" -> number * 1024 * 1024;
            case "M" -> number * 1024;
            default -> number;
        };
    }
}
