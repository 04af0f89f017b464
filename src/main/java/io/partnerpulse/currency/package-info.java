/**
 * Exchange rates to the organization's base currency, one per currency and day.
 */
package io.partnerpulse.currency;
