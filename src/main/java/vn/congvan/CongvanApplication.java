package vn.congvan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CongvanApplication {

    public static void main(String[] args) {
        SpringApplication.run(CongvanApplication.class, args);
    }
}
