/**
 * Targets: revenue, deal count or pipeline a partner, employee, department, unit or the program
 * should reach in a period.
 */
package io.partnerpulse.target;
