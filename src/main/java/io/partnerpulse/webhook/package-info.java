/**
 * Webhooks for ERP and finance: signed JSON for deals won and lost, registrations decided, leads
 * converted and commission accrued, delivered from a transactional outbox with retries, a delivery
 * log per subscriber and replay.
 */
package io.partnerpulse.webhook;
