package io.partnerpulse.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled jobs (registration expiry) and asynchronous event listeners. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@org.springframework.scheduling.annotation.EnableAsync
class SchedulingConfiguration {
}
