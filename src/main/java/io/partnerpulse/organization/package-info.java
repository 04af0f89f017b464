/**
 * The selling organization: business units, their departments and the employees in them.
 */
package io.partnerpulse.organization;
