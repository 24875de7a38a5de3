package cn.qinqing.oversight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Supervisors' questions answered from the events alone: where is this appeal and who sits on it, how is each
 * department doing, and are the numbers honest. No aggregates; it writes nothing but its read models.
 */
@SpringBootApplication
public class OversightApplication {
    public static void main(String[] args) {
        SpringApplication.run(OversightApplication.class, args);
    }
}
