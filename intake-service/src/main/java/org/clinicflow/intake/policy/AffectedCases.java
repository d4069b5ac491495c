package org.clinicflow.intake.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.eligibility.Rule;

/**
 * The open cases a rule touches: in its categories and, for a parole termination or a TPS
 * designation, of its program or country. A hold takes those not on hold yet; a lift takes those
 * held by a hold on the same rule. Pages are keyed by id, so a run of 10,000 cases never holds
 * the table. Tested by {@code PolicyActionTest}.
 */
@ApplicationScoped
public class AffectedCases {

    /** The next page of affected case ids after {@code after}, for {@code action} ({@code null}: every open case). */
    @Transactional
    public List<UUID> page(Rule rule, String action, UUID after, int size) {
        Query q = query(rule, action);
        q.where.append(" and a.id > :after order by a.id");
        var query = Applicant.getEntityManager().createQuery("select a.id from Applicant a where " + q.where, UUID.class);
        bind(query, q.params);
        return query.setParameter("after", after).setMaxResults(size).getResultList();
    }

    @Transactional
    public long count(Rule rule, String action) {
        Query q = query(rule, action);
        var query = Applicant.getEntityManager().createQuery("select count(a) from Applicant a where " + q.where, Long.class);
        bind(query, q.params);
        return query.getSingleResult();
    }

    /** The first page of every open case, as the affected-cases list shows it. */
    @Transactional
    public List<Applicant> list(Rule rule, int size) {
        Query q = query(rule, null);
        var query = Applicant.getEntityManager().createQuery("select a from Applicant a where " + q.where
                + " order by a.createdAt", Applicant.class);
        bind(query, q.params);
        return query.setMaxResults(size).getResultList();
    }

    private record Query(StringBuilder where, List<Object> params) {
    }

    private static Query query(Rule rule, String action) {
        StringBuilder where = new StringBuilder("a.stageCode not in ('filed', 'withdrawn') and a.category in (:p0)");
        List<Object> params = new ArrayList<>();
        params.add(rule.categories());
        if (rule.paroleProgram() != null) {
            where.append(" and a.paroleProgram = :p1");
            params.add(rule.paroleProgram());
        } else if (rule.country() != null) {
            where.append(" and a.tpsCountry = :p1");
            params.add(rule.country());
        }
        if (PolicyAction.HOLD.equals(action)) {
            where.append(" and a.holdReference is null");
        } else if (PolicyAction.LIFT.equals(action)) {
            where.append(" and a.holdReference in (select cast(p.id as String) from PolicyAction p where p.ruleId = :p")
                    .append(params.size()).append(" and p.action = 'hold')");
            params.add(rule.id());
        }
        return new Query(where, params);
    }

    private static void bind(jakarta.persistence.TypedQuery<?> query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter("p" + i, params.get(i));
        }
    }
}
