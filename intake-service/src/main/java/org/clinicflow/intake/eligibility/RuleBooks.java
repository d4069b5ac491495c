package org.clinicflow.intake.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinicflow.intake.audit.AuditLog;

/**
 * The clinic's current rule book, kept in intake's database: the rows shipped with this release
 * are loaded at start-up when missing, a supervisor adds rows over the API (never editing one:
 * a new row supersedes an old one), and every replica reloads the book when a row was added
 * (checked at most every few seconds). Each addition is audited. Tested by
 * {@code RuleBookApiTest} on the real database.
 */
@ApplicationScoped
public class RuleBooks {

    static final String BUNDLED = "bundled";
    private static final long RECHECK_MILLIS = 5_000;

    private final ObjectMapper json;
    private final AuditLog audit;
    private volatile RuleBook current;
    private volatile long loadedSeq = -1;
    private volatile long checkedAt;

    RuleBooks(ObjectMapper json, AuditLog audit) {
        this.json = json;
        this.audit = audit;
    }

    /**
     * Loads the release's rows that are missing; replicas starting together may race, so a row
     * present is skipped. Runs before the other start-up work (the review, resumed policy actions).
     */
    void seed(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> present = RuleRow.<RuleRow>listAll().stream().map(r -> r.id).collect(Collectors.toSet());
            for (Rule rule : RuleBook.bundled().rules()) {
                if (!present.contains(rule.id())) {
                    RuleRow.getEntityManager().createNativeQuery(
                            "INSERT INTO eligibility_rule (id, kind, body, supersedes, added_by, added_at) "
                                    + "VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5, now()) ON CONFLICT (id) DO NOTHING")
                            .setParameter(1, rule.id()).setParameter(2, rule.kind()).setParameter(3, body(rule))
                            .setParameter(4, rule.supersedes()).setParameter(5, BUNDLED).executeUpdate();
                }
            }
        });
        reload();
    }

    /** The book in force now, reloaded when another replica (or this one) added a row. */
    public RuleBook current() {
        long now = System.currentTimeMillis();
        if (current == null || now - checkedAt > RECHECK_MILLIS) {
            checkedAt = now;
            Long max = QuarkusTransaction.requiringNew().call(() -> RuleRow.getEntityManager()
                    .createQuery("select coalesce(max(r.seq), 0) from RuleRow r", Long.class).getSingleResult());
            if (max != loadedSeq) {
                reload();
            }
        }
        return current;
    }

    public EligibilityEngine engine() {
        return new EligibilityEngine(current());
    }

    /** Adds a validated row (and ends the row it supersedes); the caller checked it with {@link RuleValidator}. */
    @Transactional
    public RuleBook add(Rule rule, String actor) {
        store(rule, actor);
        audit.record(null, actor, "add-rule", rule.id() + (rule.supersedes() == null ? "" : " supersedes " + rule.supersedes()));
        RuleRow.getEntityManager().flush();
        return read();
    }

    /** The version a book of {@code rows} rows whose newest was added at {@code newest} carries. */
    static String version(Instant newest, long rows) {
        return newest.toString().substring(0, 10) + "#" + rows;
    }

    synchronized void reload() {
        QuarkusTransaction.requiringNew().run(() -> {
            current = read();
        });
    }

    private RuleBook read() {
        List<RuleRow> rows = RuleRow.list("order by seq");
        List<Rule> rules = rows.stream().map(this::rule).toList();
        loadedSeq = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq;
        Instant newest = rows.stream().map(r -> r.addedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        String version = rows.stream().allMatch(r -> BUNDLED.equals(r.addedBy)) ? RuleBook.bundled().version()
                : version(newest, rows.size());
        RuleBook book = RuleBook.assemble(version, rules);
        current = book;
        return book;
    }

    private void store(Rule rule, String actor) {
        RuleRow row = new RuleRow();
        row.id = rule.id();
        row.kind = rule.kind();
        row.supersedes = rule.supersedes();
        row.addedBy = actor;
        row.addedAt = Instant.now();
        row.body = body(rule);
        row.persist();
    }

    private String body(Rule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Rule rule(RuleRow row) {
        try {
            return json.readValue(row.body, Rule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule " + row.id + " cannot be read", e);
        }
    }
}
