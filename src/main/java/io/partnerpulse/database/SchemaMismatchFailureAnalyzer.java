package io.partnerpulse.database;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A database whose schema history does not match this version's migrations: one sentence, no stack trace. */
class SchemaMismatchFailureAnalyzer extends AbstractFailureAnalyzer<FlywayValidateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayValidateException cause) {
        String first = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("").trim();
        return new FailureAnalysis("The database was built by migrations that differ from this version of PartnerPulse (" + first + ").",
                "Start the PartnerPulse version that created this database, or point PARTNERPULSE_DB_URL or "
                        + "PARTNERPULSE_DB_EMBEDDED_DATA_DIR at another database.", cause);
    }
}
