/**
 * PartnerPulse: a CRM for channel partner management. Each sub-package is one feature module.
 */
package io.partnerpulse;
