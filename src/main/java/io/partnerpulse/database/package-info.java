/**
 * The PostgreSQL the app runs on: an embedded server with a lasting data folder by default, or an
 * external one, and the clear sentences a user reads when it cannot be used.
 */
package io.partnerpulse.database;
