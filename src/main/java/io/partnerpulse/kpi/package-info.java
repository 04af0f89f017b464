/**
 * The eight channel-partner KPIs, read from the other modules' tables; it never writes into them.
 */
package io.partnerpulse.kpi;
