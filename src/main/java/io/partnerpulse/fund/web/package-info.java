/** The funds page and the funds API. */
package io.partnerpulse.fund.web;
