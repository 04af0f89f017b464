package io.partnerpulse.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data at first start.
 *
 * @param enabled       fill an empty database at start ({@code PARTNERPULSE_DEMO_ENABLED})
 * @param seed          the same seed (and day) gives the same data
 * @param opportunities 0 for the standard demo; a number (up to 1,000,000) for the benchmark's
 *                      shape scaled to that many opportunities
 */
@ConfigurationProperties("partnerpulse.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("42") long seed,
                             @DefaultValue("0") int opportunities) {

    public DemoShape shape() {
        return opportunities <= 0 ? DemoShape.demo() : DemoShape.benchmark(opportunities);
    }
}
