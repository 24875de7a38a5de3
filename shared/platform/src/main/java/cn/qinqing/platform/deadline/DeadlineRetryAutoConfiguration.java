package cn.qinqing.platform.deadline;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Axon's deadline task as Axon builds it, but retried soon when a firing fails (ADR 0006). db-scheduler's default for a
 * one-time task is to try again in five minutes; a deadline whose firing lost a race — two deadlines of one case file
 * due at the same instant, fired by two instances, the second append refused — then records its breach or warning five
 * minutes late. Retried after {@code qinqing.deadlines.retry-first} (1 s), doubling up to
 * {@code qinqing.deadlines.retry-most} (1 min), and never dropped.
 */
@AutoConfiguration(before = AxonDbSchedulerAutoConfiguration.class)
@ConditionalOnClass(
        name = {
            "com.github.kagkarlsson.scheduler.Scheduler",
            "org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager"
        })
public class DeadlineRetryAutoConfiguration {

    /** Takes the place of {@code AxonDbSchedulerAutoConfiguration}'s task of the same qualifier. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> qinqingDeadlineDetailsTask(
            ApplicationContext context, Environment environment) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new RetrySoon<>(
                        environment.getProperty("qinqing.deadlines.retry-first", Duration.class, Duration.ofSeconds(1)),
                        environment.getProperty("qinqing.deadlines.retry-most", Duration.class, Duration.ofMinutes(1))))
                .execute(axon::execute);
    }
}
