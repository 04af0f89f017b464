/**
 * The audit log: who changed what, when, with the record before and after; readable with filters.
 */
package io.partnerpulse.audit;
