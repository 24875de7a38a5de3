package cn.qinqing.platform.readlog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read endpoint whose successful answers go into the platform's read log ({@code event_store.read_log}, ADR
 * 0011): who read what, when, in which role, by which route and ids, with the correlation id. Supervisors ask the log
 * who looked at an appeal, and what a person looked at.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RecordsRead {

    /** What was read: {@code APPEAL}, {@code TIMELINE}, {@code CASE_FILE}, {@code KPIS}, {@code READ_LOG}, ... */
    String value();

    /** The path variable or request parameter that holds the appeal read, if the read is about one appeal. */
    String appeal() default "";
}
