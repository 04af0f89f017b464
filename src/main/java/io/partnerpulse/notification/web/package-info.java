/** The notifications page and API. */
package io.partnerpulse.notification.web;
