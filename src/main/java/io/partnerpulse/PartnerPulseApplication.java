package io.partnerpulse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerPulseApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerPulseApplication.class, args);
    }
}
