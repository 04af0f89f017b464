package io.partnerpulse.marketing;

/** Paid media is bought, earned media is given (referrals, press, organic), owned media is ours. */
public enum ChannelType {
    PAID, EARNED, OWNED
}
