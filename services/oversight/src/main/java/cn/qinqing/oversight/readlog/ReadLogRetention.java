package cn.qinqing.oversight.readlog;

import cn.qinqing.platform.readlog.ReadLog;
import cn.qinqing.platform.retention.RetainedStore;
import cn.qinqing.platform.retention.Retention;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * R12: the read log keeps a read for {@code qinqing.oversight.read-log-retention} (400 days: a year's audit and the
 * next year's review of it), then the platform's retention job, here in the one service that may delete from it,
 * drops it.
 */
@Configuration
class ReadLogRetention {

    @Bean
    RetainedStore readLogStore(@Value("${qinqing.oversight.read-log-retention:P400D}") Duration retention) {
        return new RetainedStore(
                ReadLog.TABLE,
                retention,
                "DELETE FROM " + ReadLog.TABLE + " WHERE read_id IN (SELECT read_id FROM " + ReadLog.TABLE
                        + " WHERE read_at < ? LIMIT " + Retention.BATCH + ")");
    }
}
