/**
 * Accounts, roles, logins and API tokens: who may do what, and the partner portal's walls.
 */
package io.partnerpulse.security;
