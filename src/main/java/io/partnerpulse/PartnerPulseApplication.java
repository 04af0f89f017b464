package io.partnerpulse;

import io.partnerpulse.imports.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerPulseApplication {

    public static void main(String[] args) {
        if (ImportCommand.requested(args)) {
            // The command line import: no web server, no demo data, no KPI read model, and the process
            // ends with the import's exit code.
            var context = new SpringApplicationBuilder(PartnerPulseApplication.class).web(WebApplicationType.NONE)
                    .properties("partnerpulse.demo.enabled=false", "spring.main.banner-mode=off", "partnerpulse.kpi.load-at-start=false",
                            "partnerpulse.forecast.learn-ahead=false")
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(PartnerPulseApplication.class, args);
    }
}
