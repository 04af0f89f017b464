package io.partnerpulse.lead;

/** Life of a lead. A converted lead has become an opportunity. */
public enum LeadStatus {
    NEW, QUALIFIED, DISQUALIFIED, CONVERTED
}
