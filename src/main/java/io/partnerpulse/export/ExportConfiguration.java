package io.partnerpulse.export;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the CSV and XLSX writer with Spring MVC, beside JSON. */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    @Bean
    ServerHttpMessageConvertersCustomizer tabularExports() {
        return builder -> builder.addCustomConverter(new TabularMessageConverter());
    }
}
