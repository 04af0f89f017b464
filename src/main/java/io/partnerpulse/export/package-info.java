/**
 * Files from any list or KPI table of the API: the same request with {@code format=csv} or
 * {@code format=xlsx} (or an Accept header) answers with a spreadsheet of every row its filters select.
 */
package io.partnerpulse.export;
