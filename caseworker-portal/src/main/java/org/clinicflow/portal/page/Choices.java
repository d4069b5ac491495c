package org.clinicflow.portal.page;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/**
 * The fixed lists the templates offer (Qute has no list literals): the intake form's fields in
 * display order, and the values of the search filters and selects, as the services define them.
 */
@TemplateGlobal
public class Choices {

    static final List<String> personFields = List.of("givenName", "familyName", "dateOfBirth", "countryOfCitizenship", "phone",
            "aNumber");
    static final List<String> eligibilityFields = List.of("asylumFiledOn", "lastArrivalOn", "paroleEndDate", "paroleProgram",
            "tpsCountry");
    /** intake's stages (Stage codes). */
    static final List<String> stages = List.of("registered", "documents_pending", "ready_to_book", "booked", "checked_in", "filed",
            "on_hold", "no_show", "withdrawn");
    /** The languages the SMS templates exist in. */
    static final List<String> languages = List.of("es", "en", "fr", "ht", "pt");
    /** The time zones a US clinic site may be in (IANA names, as scheduling stores them). */
    static final List<String> siteZones = List.of("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
            "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico");
    /** The categories the eligibility rules know. */
    static final List<String> categories = List.of("c11", "c8", "a12", "c19");
}
