package cn.qinqing.appeals.config;

import cn.qinqing.appeals.appeal.command.RatingWindow;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The enterprise's rating window, {@code qinqing.appeals.rating-window} (default 7 days). */
@Configuration
class RatingConfiguration {

    @Bean
    RatingWindow ratingWindow(@Value("${qinqing.appeals.rating-window:P7D}") Duration length) {
        return new RatingWindow(length);
    }
}
