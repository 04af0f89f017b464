/**
 * Customer accounts: the companies that buy, with their sector, size and location.
 */
package io.partnerpulse.account;
