/**
 * Outgoing e-mail: through the SMTP server set by {@code spring.mail.*}, or, without one, as .eml
 * files in an outbox folder. Scheduled reports and notifications send through it.
 */
package io.partnerpulse.mail;
