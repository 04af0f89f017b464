/**
 * Scheduled reports: a scorecard (the program's, a partner's, a distributor's channel's, an
 * employee's, a department's or a unit's) e-mailed as a PDF to its recipients after every week, month or quarter, made as the
 * subscription's owner; a delivery log that keeps each PDF sent, retries, and "send now".
 */
package io.partnerpulse.report;
