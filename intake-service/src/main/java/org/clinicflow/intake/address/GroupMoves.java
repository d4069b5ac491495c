package org.clinicflow.intake.address;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.stage.Stage;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.SiteScope;

/**
 * Moves many people to one address at once (a shelter closes): every id is checked first (known,
 * of the caller's site, not withdrawn) and the whole request refused naming each bad entry, so a
 * typo moves nobody; then each person moves as one would alone, with their own tasks. Tested by
 * {@code AfterFilingTest}.
 */
@ApplicationScoped
public class GroupMoves {

    /** What a group move did. */
    public record Result(int moved, int filedCases) {
    }

    private final AddressBook book;

    GroupMoves(AddressBook book) {
        this.book = book;
    }

    @Transactional
    public Result move(GroupMoveRequest r, SiteScope scope) {
        List<Applicant> applicants = new ArrayList<>();
        List<Problem.FieldError> unknown = new ArrayList<>();
        List<Problem.FieldError> refused = new ArrayList<>();
        for (int i = 0; i < r.applicantIds().size(); i++) {
            UUID id = r.applicantIds().get(i);
            Applicant a = Applicant.findById(id);
            String field = "applicantIds[" + i + "]";
            if (a == null) {
                unknown.add(new Problem.FieldError(field, "no applicant " + id));
            } else if (!scope.maySee(a.siteId)) {
                refused.add(new Problem.FieldError(field, "belongs to another site"));
            } else if (a.stage() == Stage.WITHDRAWN) {
                refused.add(new Problem.FieldError(field, "was withdrawn"));
            } else {
                applicants.add(a);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", unknown.size() + " applicants are unknown")
                    .withErrors(unknown));
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "not-movable",
                    refused.size() + " applicants cannot be moved from here").withErrors(refused));
        }
        int filed = 0;
        for (Applicant a : applicants) {
            book.move(a, r.address(), r.movedOn(), scope.actor());
            if (AddressBook.afterFiling(a, r.movedOn())) {
                filed++;
            }
        }
        return new Result(applicants.size(), filed);
    }
}
