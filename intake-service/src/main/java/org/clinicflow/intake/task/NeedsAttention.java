package org.clinicflow.intake.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.web.security.SiteScope;

/**
 * The "Needs attention" list: open tasks of the caller's site (every site for a supervisor, or
 * the one asked for), the overdue and oldest first, with each case's name; every case listed is
 * audited as read. Tested by {@code AfterFilingTest}.
 */
@ApplicationScoped
public class NeedsAttention {

    static final int LIMIT = 500;

    private final EntityManager em;
    private final AuditLog audit;

    NeedsAttention(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public List<TaskView> open(SiteScope scope, String site) {
        String restricted = scope.restrictedToSite().orElse(site);
        String jpql = "select t, a.givenName, a.familyName, a.siteId from CaseTask t, Applicant a where a.id = t.applicantId"
                + " and t.doneOn is null" + (restricted == null ? "" : " and a.siteId = :site")
                + " order by (case when t.dueOn is null then 1 else 0 end), t.dueOn, t.createdAt";
        var query = em.createQuery(jpql, Object[].class).setMaxResults(LIMIT);
        if (restricted != null) {
            query.setParameter("site", restricted);
        }
        List<TaskView> tasks = new ArrayList<>();
        Set<UUID> cases = new LinkedHashSet<>();
        for (Object[] row : query.getResultList()) {
            CaseTask t = (CaseTask) row[0];
            tasks.add(TaskView.of(t, row[1] + " " + row[2], (String) row[3]));
            cases.add(t.applicantId);
        }
        audit.recordEach(cases, scope.actor(), "listed-in-needs-attention");
        return tasks;
    }
}
