package cn.qinqing.assignment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Decides who holds each appeal: the city's directory and routing rules, dispatch (派单), sign-for (签收), return
 * (退回), transfer (转办), leaders taking charge (领办) and supervising (督办), escalation up the chain of command.
 */
@SpringBootApplication
public class AssignmentApplication {
    public static void main(String[] args) {
        SpringApplication.run(AssignmentApplication.class, args);
    }
}
