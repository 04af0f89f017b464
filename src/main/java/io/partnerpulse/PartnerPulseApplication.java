package io.partnerpulse;

import java.util.Map;

import io.partnerpulse.imports.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerPulseApplication {

    public static void main(String[] args) {
        if (ImportCommand.requested(args)) {
            System.exit(SpringApplication.exit(importCommand(args)));
        }
        SpringApplication.run(PartnerPulseApplication.class, args);
    }

    /**
     * The command line import, run: no web server, no demo data, no KPI read model, no forecast learned
     * ahead. These settings come first of all (above application.yml and the environment, where the
     * demo's {@code enabled: true} would otherwise win and fill an empty database with demo records
     * and users before the import); the context is returned open, its exit code still to be read.
     */
    public static ConfigurableApplicationContext importCommand(String[] args) {
        Map<String, Object> fixed = Map.of("partnerpulse.demo.enabled", "false", "partnerpulse.kpi.load-at-start", "false",
                "partnerpulse.forecast.learn-ahead", "false", "spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(PartnerPulseApplication.class).web(WebApplicationType.NONE)
                .initializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("import-command", fixed)))
                .run(args);
    }
}
