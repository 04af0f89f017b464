/**
 * The pages people open: for now the start page that says what is there.
 */
package io.partnerpulse.web;
