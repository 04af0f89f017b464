/**
 * E-mail notifications: a partner's users learn what was decided about their work (registrations,
 * lead assignments, fund requests and claims), channel managers what waits for their decision.
 * Each person sees their own on their notifications page and may switch the e-mails off.
 */
package io.partnerpulse.notification;
