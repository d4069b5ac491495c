package org.clinicflow.notification.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where and how to reach an applicant: the phone from intake's contact events, language, consent, site time zone. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    public String phone;
    public String language;
    public boolean smsConsent;
    /** The time zone of the applicant's clinic site, learnt from booking events; for quiet hours. */
    public String timeZone;
    /** The applicant's site, from intake's events: caseworkers see their own site's applicants only. */
    public String siteId;
    public boolean withdrawn;
    /** Intake's contact-point event was applied: phone, consent and language are what intake holds. */
    public boolean contactPointKnown;
    public Instant updatedAt;
}
