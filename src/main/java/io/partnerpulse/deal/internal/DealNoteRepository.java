package io.partnerpulse.deal.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.partnerpulse.deal.DealNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notes written on deals, oldest first. */
@Repository
public class DealNoteRepository {

    private static final String COLUMNS = "id, opportunity_id, body, internal, author, partner_author, created_at";

    private final JdbcClient jdbc;

    DealNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public DealNote insert(long opportunityId, String body, boolean internal, String author, boolean partnerAuthor) {
        return jdbc.sql("insert into deal_note (opportunity_id, body, internal, author, partner_author) values (:o, :b, :i, :a, :p) returning "
                        + COLUMNS)
                .param("o", opportunityId).param("b", body).param("i", internal).param("a", author).param("p", partnerAuthor)
                .query(DealNoteRepository::note).single();
    }

    /** A deal's notes in the order written; {@code withInternal} false leaves out the internal ones. */
    public List<DealNote> of(long opportunityId, boolean withInternal) {
        return jdbc.sql("select " + COLUMNS + " from deal_note where opportunity_id = :o" + (withInternal ? "" : " and not internal")
                        + " order by id")
                .param("o", opportunityId).query(DealNoteRepository::note).list();
    }

    private static DealNote note(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DealNote(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getBoolean(6),
                rs.getObject(7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }
}
