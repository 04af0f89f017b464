package io.partnerpulse.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.partnerpulse.PartnerPulseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second app instance in the same JVM on the same PostgreSQL as the first (as two instances
 * behind a load balancer would be): its own web server, its own KPI read model.
 */
final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    SecondInstance(HikariDataSource firstInstanceDatabase) {
        context = new SpringApplicationBuilder(PartnerPulseApplication.class).profiles("test")
                .properties("server.port=0", "partnerpulse.forecast.learn-ahead=false", "partnerpulse.db.url=" + firstInstanceDatabase.getJdbcUrl(),
                        "partnerpulse.db.user=" + firstInstanceDatabase.getUsername(),
                        "partnerpulse.db.password=" + firstInstanceDatabase.getPassword(),
                        "partnerpulse.demo.enabled=false", "spring.main.banner-mode=off")
                .run();
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
