/**
 * Opportunities (deals) with their stage history, and the deal registrations partners submit.
 */
package io.partnerpulse.deal;
