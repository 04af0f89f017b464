/**
 * Product lines: what is sold, for slicing deals and registrations.
 */
package io.partnerpulse.product;
