package io.partnerpulse.kpi.web;

import java.io.IOException;

import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.internal.ReportJson;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.json.JsonMapper;

/** KPI reports as JSON through {@link ReportJson} (large reports in slices on all cores), ahead of the general JSON writer. */
class KpiReportJsonConverter extends AbstractHttpMessageConverter<KpiReport> {

    private final ReportJson json;

    KpiReportJsonConverter(ReportJson json) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return KpiReport.class == clazz;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected KpiReport readInternal(Class<? extends KpiReport> clazz, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("KPI reports are not read", inputMessage);
    }

    @Override
    protected void writeInternal(KpiReport report, HttpOutputMessage outputMessage) throws IOException {
        json.write(report, outputMessage.getBody());
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        ServerHttpMessageConvertersCustomizer kpiReportJson(JsonMapper mapper) {
            return builder -> builder.addCustomConverter(new KpiReportJsonConverter(new ReportJson(mapper)));
        }
    }
}
