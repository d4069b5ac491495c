package org.clinicflow.intake.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.clinicflow.intake.applicant.ApplicantService;
import org.clinicflow.intake.applicant.DuplicateApplicantException;
import org.clinicflow.web.crypto.Sha256;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Imports shelter rosters in the background, one row at a time through the same registration
 * as the API (validation, duplicate rules, events). Progress is saved every few rows, so the
 * upload's status can be read while it runs and an import cut short by a restart resumes
 * where it stopped. The same file uploaded again is the same import; a row whose person is
 * already registered counts as a duplicate, so nothing is created twice.
 */
@ApplicationScoped
public class RosterImports {

    private static final Logger LOG = Logger.getLogger(RosterImports.class);
    static final int MAX_ROWS = 50_000;
    private static final int MAX_ERRORS_KEPT = 1_000;
    private static final int PROGRESS_EVERY = 25;

    private final ApplicantService applicants;
    private final ObjectMapper json;
    private final ExecutorService worker = org.clinicflow.intake.eligibility.Batches.worker("roster-import");

    RosterImports(ApplicantService applicants, ObjectMapper json) {
        this.applicants = applicants;
        this.json = json;
    }

    /** An import and whether this upload created it (false: the same file was uploaded before). */
    public record Submitted(RosterImport rosterImport, boolean created) {
    }

    /** One row that could not be registered: its line and what is wrong. */
    public record RowError(int line, String field, String message) {
    }

    @Transactional
    public Submitted submit(byte[] content, String actor, Optional<String> site) {
        List<String> problems = content.length == 0 ? List.of("the file is empty") : RosterCsv.headerProblems(content);
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalid(problems.stream().map(p -> new Problem.FieldError("file", p)).toList()));
        }
        String hash = Sha256.hex(content);
        RosterImport existing = RosterImport.find("contentHash", hash).firstResult();
        if (existing != null) {
            return new Submitted(existing, false);
        }
        int rows = RosterCsv.countRows(content);
        if (rows > MAX_ROWS) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("file",
                    "has " + rows + " rows; split it into files of at most " + MAX_ROWS))));
        }
        RosterImport rosterImport = new RosterImport();
        rosterImport.id = UUID.randomUUID();
        rosterImport.contentHash = hash;
        rosterImport.uploadedBy = actor;
        rosterImport.uploadedAt = Instant.now();
        rosterImport.status = "queued";
        rosterImport.totalRows = rows;
        rosterImport.errors = "[]";
        rosterImport.content = content;
        rosterImport.restrictedToSite = site.orElse(null);
        rosterImport.persist();
        return new Submitted(rosterImport, true);
    }

    /** What an import has done so far. */
    public record Status(UUID id, String status, int totalRows, int processed, int registered, int duplicates,
            List<RowError> errors, String uploadedBy, Instant uploadedAt, Instant finishedAt) {
    }

    /** An import's status, if it exists and the caller's site restriction allows it. */
    @Transactional
    public Optional<Status> status(UUID id, Optional<String> site) {
        RosterImport i = RosterImport.findById(id);
        if (i == null || (site.isPresent() && !site.get().equals(i.restrictedToSite))) {
            return Optional.empty();
        }
        return Optional.of(new Status(i.id, i.status, i.totalRows, i.processed, i.registered, i.duplicates,
                read(i.errors), i.uploadedBy, i.uploadedAt, i.finishedAt));
    }

    /** Starts (or resumes) an import in the background. */
    public void start(UUID id) {
        worker.submit(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.errorf("roster import %s stopped: %s", id, e.toString());
            }
        });
    }

    void resumeUnfinished(@Observes StartupEvent startup) {
        for (UUID id : unfinished()) {
            LOG.infof("resuming roster import %s", id);
            start(id);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }

    @Transactional
    List<UUID> unfinished() {
        return RosterImport.<RosterImport>list("status in ('queued', 'running')").stream().map(i -> i.id).toList();
    }

    private void run(UUID id) {
        Progress progress = begin(id);
        RosterCsv.forEachRow(progress.content, progress.processed, row -> {
            registerRow(row, progress);
            progress.processed++;
            if (progress.processed % PROGRESS_EVERY == 0) {
                save(id, progress, false);
            }
        });
        save(id, progress, true);
    }

    private void registerRow(RosterCsv.Row row, Progress progress) {
        if (!row.errors().isEmpty()) {
            row.errors().forEach(e -> progress.error(row.line(), e.field(), e.message()));
            return;
        }
        if (progress.site != null && !progress.site.equals(row.request().siteId())) {
            progress.error(row.line(), "siteId", "must be your own site (" + progress.site + ")");
            return;
        }
        try {
            applicants.register(row.request(), progress.actor);
            progress.registered++;
        } catch (DuplicateApplicantException e) {
            progress.duplicates++;
        } catch (ProblemException e) {
            e.problem().errors().forEach(err -> progress.error(row.line(), err.field(), err.message()));
        }
    }

    @Transactional
    Progress begin(UUID id) {
        RosterImport rosterImport = RosterImport.findById(id);
        rosterImport.status = "running";
        Progress progress = new Progress(rosterImport.content, rosterImport.processed, rosterImport.uploadedBy,
                rosterImport.restrictedToSite);
        progress.registered = rosterImport.registered;
        progress.duplicates = rosterImport.duplicates;
        progress.errors.addAll(read(rosterImport.errors));
        return progress;
    }

    @Transactional
    void save(UUID id, Progress progress, boolean done) {
        RosterImport rosterImport = RosterImport.findById(id);
        rosterImport.processed = progress.processed;
        rosterImport.registered = progress.registered;
        rosterImport.duplicates = progress.duplicates;
        rosterImport.errors = write(progress.errors);
        if (done) {
            rosterImport.status = "done";
            rosterImport.finishedAt = Instant.now();
            // The file holds personal data; once imported, only the counts and errors are kept.
            rosterImport.content = null;
        }
    }

    private List<RowError> read(String errors) {
        try {
            return List.of(json.readValue(errors, RowError[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<RowError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The running counts of one import. */
    static final class Progress {
        final byte[] content;
        final String actor;
        final String site;
        final List<RowError> errors = new ArrayList<>();
        int processed;
        int registered;
        int duplicates;

        Progress(byte[] content, int processed, String actor, String site) {
            this.content = content;
            this.processed = processed;
            this.actor = actor;
            this.site = site;
        }

        void error(int line, String field, String message) {
            if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(new RowError(line, field, message));
            }
        }
    }
}
