package cn.qinqing.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tells people when something needs them: the in-app feed, e-mail and a webhook for SMS/WeChat gateways. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationsApplication {
    public static void main(String[] args) {
        SpringApplication.run(NotificationsApplication.class, args);
    }
}
