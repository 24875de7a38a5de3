package cn.qinqing.meetings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Government–business breakfast meetings: their invitations, topics, agenda, minutes and tracked action items. */
@SpringBootApplication
public class MeetingsApplication {
    public static void main(String[] args) {
        SpringApplication.run(MeetingsApplication.class, args);
    }
}
