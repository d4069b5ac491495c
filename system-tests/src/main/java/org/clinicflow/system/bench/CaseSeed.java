package org.clinicflow.system.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.clinicflow.system.LocalStack;

/**
 * {@code ./clinic bench --seed-cases N}: fills intake's database with cases until it holds N,
 * so the read phase measures a city's caseload and not a bench's. Registering 100,000 people over
 * REST would take the bench an hour, so the rows are written with SQL, shaped like the bench's own
 * applicants (a parolee, "Surge Applicant" and letters, the same site), hence found by the same
 * searches in the same proportion; they have no phone or A-number (nobody texts them) and only
 * intake knows them. Each is written as already decided, with the eligibility the bench's own applicants
 * (registered over REST, same facts) were given: otherwise intake's next start would review and
 * announce 100,000 cases, and the other services would spend minutes on those events. The table is
 * vacuumed and analyzed afterwards, as a real clinic's would have been (a freshly bulk-loaded table's
 * first reads set every row's hint bits and cannot use the visibility map), and checkpointed, so the
 * read phase does not share the disk with the load's writes.
 */
final class CaseSeed {

    private static final String SEED = """
            INSERT INTO applicant (id, given_name, family_name, given_key, family_key, date_of_birth,
                                   country_of_citizenship, preferred_language, phone_region, sms_consent, site_id,
                                   category, parole_end_date, stage, created_by, created_at, updated_at,
                                   eligibility_signature, eligibility_status)
            SELECT gen_random_uuid(), 'Surge', 'Applicant' || l.letters, 'surge', 'applicant' || l.letters,
                   date '1990-05-05', 'VE', CASE WHEN g % 3 = 0 THEN 'en' ELSE 'es' END, 'US', false, ?,
                   'c11', (current_date + interval '1 year')::date, 'documents_pending', 'bench-seed',
                   now() - g * interval '1 minute', now() - g * interval '1 minute',
                   decided.eligibility_signature, decided.eligibility_status
            FROM generate_series(1, ?) AS g
                 LEFT JOIN (SELECT eligibility_signature, eligibility_status FROM applicant
                            WHERE category = 'c11' AND parole_end_date = (current_date + interval '1 year')::date
                              AND eligibility_signature IS NOT NULL
                            LIMIT 1) AS decided ON true,
                 LATERAL (SELECT regexp_replace(md5(g::text || random()::text), '[^a-f]', '', 'g') AS letters) AS l""";

    private CaseSeed() {
    }

    /** Adds cases at {@code site} until intake holds {@code total}; answers how many it added. */
    static int seed(LocalStack stack, String site, int total) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("intake"), "postgres", stack.secret("postgres"));
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM applicant");
            rs.next();
            int missing = total - rs.getInt(1);
            if (missing <= 0) {
                return 0;
            }
            try (PreparedStatement insert = c.prepareStatement(SEED)) {
                insert.setString(1, site);
                insert.setInt(2, missing);
                insert.executeUpdate();
            }
            s.execute("VACUUM ANALYZE applicant");
            // The load's writes flushed now, not by a checkpoint spread over the read phase that follows.
            s.execute("CHECKPOINT");
            return missing;
        }
    }
}
