/**
 * Channel partners: their tier, status history, location, commission rate and partner manager.
 */
package io.partnerpulse.partner;
