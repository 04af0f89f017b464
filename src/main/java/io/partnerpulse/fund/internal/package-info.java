/** The fund rules that guard each step, and the SQL that reads and writes the fund tables. */
package io.partnerpulse.fund.internal;
