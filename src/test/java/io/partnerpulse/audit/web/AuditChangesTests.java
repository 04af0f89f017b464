package io.partnerpulse.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the audit page says an entry changed. */
class AuditChangesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode node(String text) {
        return json.readTree(text);
    }

    @Test
    void listsTheFieldsWhoseValuesDifferButNotTheVersionNorAnAmountWrittenAnotherWay() {
        List<AuditPage.Change> changes = AuditPage.changes(
                node("{\"stage\": \"PROPOSAL\", \"amount\": 12.50, \"version\": 3, \"lostReason\": null, \"tags\": [1, 2]}"),
                node("{\"stage\": \"LOST\", \"amount\": 12.5, \"version\": 4, \"lostReason\": \"Price\", \"tags\": [1, 3]}"));
        assertThat(changes).containsExactly(new AuditPage.Change("stage", "PROPOSAL", "LOST"),
                new AuditPage.Change("lostReason", "—", "Price"), new AuditPage.Change("tags", "[1,2]", "[1,3]"));
    }

    @Test
    void aRecordMadeOrAnEventShowsItsFirstFieldsWithAValueButNotItsIdWhichTheEntryNames() {
        List<AuditPage.Change> made = AuditPage.changes(null,
                node("{\"id\": 7, \"name\": \"Acme\", \"city\": null, \"version\": 0, \"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7}"));
        assertThat(made).hasSize(AuditPage.FIELDS_SHOWN).extracting(AuditPage.Change::field)
                .containsExactly("name", "a", "b", "c", "d", "e", "f", "g");
        assertThat(made.get(0)).isEqualTo(new AuditPage.Change("name", null, "Acme"));
        assertThat(AuditPage.changes(node("{\"name\": \"Gone\"}"), null)).containsExactly(new AuditPage.Change("name", null, "Gone"));
        assertThat(AuditPage.changes(null, node("\"signed in\""))).containsExactly(new AuditPage.Change("", null, "signed in"));
        assertThat(AuditPage.changes(null, null)).isEmpty();
    }

    @Test
    void aLongValueIsCutWhereAPersonStillReadsIt() {
        String text = AuditPage.text(node("\"" + "x".repeat(300) + "\""));
        assertThat(text).hasSize(120).endsWith("…");
    }
}
