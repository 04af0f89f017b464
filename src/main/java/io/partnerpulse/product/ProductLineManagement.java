package io.partnerpulse.product;

import java.util.HashMap;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.RecordTable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Product lines. */
@Service
@Transactional
public class ProductLineManagement {

    public record ProductLineView(long id, String externalId, String name, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record ProductLineForm(@Size(max = 100) String externalId, @NotBlank @Size(max = 200) String name, Long version) {
    }

    private final RecordTable<ProductLineView> lines;
    private final AuditTrail audit;
    private final CurrentActor actor;

    ProductLineManagement(JdbcClient jdbc, AuditTrail audit, CurrentActor actor) {
        this.lines = new RecordTable<>(jdbc, "product-line", "select p.id, p.external_id, p.name, p.version from product_line p", "p.id",
                (rs, n) -> new ProductLineView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).audited(this::audit);
        this.audit = audit;
        this.actor = actor;
    }

    public ProductLineView create(ProductLineForm form) {
        return lines.create("insert into product_line (external_id, name) values (:externalId, :name) returning id", params(form));
    }

    public ProductLineView edit(long id, ProductLineForm form, long version) {
        return lines.edit(id, version, """
                update product_line set external_id = :externalId, name = :name, version = version + 1
                where id = :id and version = :version""", params(form));
    }

    @Transactional(readOnly = true)
    public ProductLineView get(long id) {
        return lines.get(id);
    }

    @Transactional(readOnly = true)
    public Page<ProductLineView> list(String q, String sort, int page, int size) {
        return lines.list(query -> query.search("p.name", q), sort, Map.of("name", "p.name"), "p.name", page, size);
    }

    private static Map<String, Object> params(ProductLineForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", form.externalId());
        p.put("name", form.name().trim());
        return p;
    }

    private void audit(String action, String entity, long id, Object before, Object after) {
        audit.record(actor.name(), action, entity, id, before, after);
    }
}
