package cn.qinqing.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One line of progress on standard output, stamped with the tool's name and the time. */
final class Log {

    private static volatile String tool = "bench";

    private Log() {}

    /** The name in front of every line: "bench" unless another tool (the soak) says otherwise. */
    static void as(String name) {
        tool = name;
    }

    static void say(String message) {
        System.out.printf(
                "[%s %s] %s%n", tool, LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), message);
    }
}
