package cn.qinqing.resolution;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ResolutionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResolutionApplication.class, args);
    }
}
