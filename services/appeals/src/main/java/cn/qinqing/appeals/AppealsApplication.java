package cn.qinqing.appeals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Enterprises register, file appeals, add information, withdraw; the city's answers come back here. */
@SpringBootApplication
public class AppealsApplication {
    public static void main(String[] args) {
        SpringApplication.run(AppealsApplication.class, args);
    }
}
