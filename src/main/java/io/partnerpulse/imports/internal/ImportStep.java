package io.partnerpulse.imports.internal;

/**
 * The steps an import reports its progress in, in their order; each one's {@link #key()} is what
 * listeners hear (and what the API shows), its label is the message {@code imports.step.<key>}.
 * Reading (loading, when a direct load writes the deals as it reads: {@link DirectLoad}) counts the file's bytes, checking and index building their statements, announcing the
 * deals and leads it announces ({@link io.partnerpulse.deal.StageMoveAnnouncer},
 * {@link io.partnerpulse.lead.LeadConversionAnnouncer}); the others are
 * single statements whose end cannot be foreseen and report how many records they handle.
 */
enum ImportStep {
    READING, LOADING, CHECKING, MATCHING, UPDATING, INSERTING, LINKING, INDEXING, ANNOUNCING, SAVING;

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
