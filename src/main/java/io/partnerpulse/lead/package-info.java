/**
 * Leads: prospects with their marketing channel, campaign, partner, location and status.
 */
package io.partnerpulse.lead;
