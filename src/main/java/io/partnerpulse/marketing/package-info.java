/**
 * Marketing channels (paid, earned, owned) and the campaigns that spend on them.
 */
package io.partnerpulse.marketing;
