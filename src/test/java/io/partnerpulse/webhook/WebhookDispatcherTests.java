package io.partnerpulse.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

/** What the delivery log says about a failed call, without a server. */
class WebhookDispatcherTests {

    @Test
    void aFailureWithoutAMessageIsDescribedByTheFirstCauseThatHasOne() {
        ConnectException refused = new ConnectException();
        refused.initCause(new ConnectException("Connection refused"));
        assertThat(WebhookDispatcher.describe(refused)).isEqualTo("ConnectException: Connection refused");
        assertThat(WebhookDispatcher.describe(new java.net.http.HttpTimeoutException("request timed out")))
                .isEqualTo("HttpTimeoutException: request timed out");
        assertThat(WebhookDispatcher.describe(new ConnectException())).isEqualTo("ConnectException");
    }
}
