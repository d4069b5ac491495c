package org.clinicflow.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * {@code GET /api/audit/reads?applicant={id}}: for supervisors, who read this applicant's data in
 * this service, what and when, oldest first (at most 1,000). Tested by {@code ReadAuditTest} in
 * scheduling-service and {@code NotificationFlowTest}.
 */
@Path("/api/audit/reads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.SUPERVISOR)
public class ReadAuditResource {

    private final AgroalDataSource dataSource;

    ReadAuditResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One read. */
    public record Read(UUID applicantId, String actor, String action, Instant at) {
    }

    @GET
    public List<Read> reads(@QueryParam("applicant") String applicant) {
        UUID id;
        try {
            id = UUID.fromString(applicant == null ? "" : applicant);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("applicant", "must be an applicant id (UUID)"))));
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT actor, action, at FROM read_audit WHERE applicant_id = ? ORDER BY id LIMIT 1000")) {
            query.setObject(1, id);
            List<Read> reads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reads.add(new Read(id, rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant()));
                }
            }
            return reads;
        } catch (SQLException e) {
            throw new IllegalStateException("the read audit could not be read", e);
        }
    }
}
