package io.partnerpulse.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Makes scorecards for reports (the web module's PDF scorecard implements it). It answers as the
 * current user: a partner user gets its own partner's scorecard only, and the program's or an
 * organization unit's is refused to it, exactly as on the pages.
 */
public interface ScorecardRenderer {

    /** A scorecard: the PDF, a file name, its title, and its headline numbers in words for the message's text. */
    record Scorecard(byte[] pdf, String fileName, String title, List<String> headlines) {
    }

    /** The name of what a scorecard is about ("Acme Resellers"), checked to exist and to be visible to the current user. */
    String subject(String scope, Long id, Locale locale);

    /** The scorecard for {@code from} up to the day before {@code to}. */
    Scorecard render(String scope, Long id, LocalDate from, LocalDate to, Locale locale);
}
