/** The scheduled reports' pages and API. */
package io.partnerpulse.report.web;
