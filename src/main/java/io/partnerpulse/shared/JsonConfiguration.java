package io.partnerpulse.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * JSON answers: Spring Boot registers every {@link JacksonModule} bean with its mapper. Blackbird
 * reads the properties of records through generated lambdas instead of reflection; a leaderboard of
 * 10,000 partners is a 20 MB answer, where that is a visible share of the time.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JacksonModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
