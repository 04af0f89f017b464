/**
 * The recommendation plan: rules over the KPIs of a partner, employee, department, unit or the
 * program that say what to do next, each with the evidence that triggered it.
 */
package io.partnerpulse.recommendation;
