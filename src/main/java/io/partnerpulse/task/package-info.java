/**
 * Follow-ups: what a person must do by a day, for themselves or given to a colleague, often about a
 * deal. Personal: only its assignee and its writer see it.
 */
package io.partnerpulse.task;
