package org.clinicflow.intake.certification;

import java.time.Instant;
import java.util.UUID;

/** A certification as the API and the packet show it, with the text affirmed and whether it is the one in force. */
public record CertificationView(UUID id, String kind, String part, String textVersion, String text, String language,
        boolean viaInterpreter, String name, String organization, String phone, String email, String guardianName,
        String guardianRelationship, String recordedBy, Instant recordedAt, boolean inForce) {

    public static CertificationView of(Certification c, boolean inForce) {
        CertificationKind kind = c.kindOf();
        return new CertificationView(c.id, c.kind, kind.part(), c.textVersion, kind.text(), c.language, c.viaInterpreter,
                c.personName, c.organization, c.phone, c.email, c.guardianName, c.guardianRelationship, c.recordedBy,
                c.recordedAt, inForce);
    }
}
