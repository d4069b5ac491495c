package org.clinicflow.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The portal's own text, in English here and in Spanish in {@code messages/msg_es.properties};
 * templates use it as {@code {msg:key}}. The build fails when a template names a missing key.
 */
@MessageBundle("msg")
public interface Messages {

    @Message("Clinic Flow")
    String app_name();

    @Message("Skip to content")
    String skip();

    @Message("Today")
    String nav_today();

    @Message("Applicants")
    String nav_applicants();

    @Message("Register")
    String nav_register();

    @Message("Roster import")
    String nav_import();

    @Message("Clinic capacity")
    String nav_capacity();

    @Message("SMS inbox (local)")
    String nav_inbox();

    @Message("Sign out")
    String logout();

    @Message("Language")
    String language();

    @Message("Today at {site}")
    String today_title(String site);

    @Message("Site")
    String site();

    @Message("Date")
    String date();

    @Message("Show")
    String show();

    @Message("Expected")
    String status_booked();

    @Message("Confirmed")
    String status_confirmed();

    @Message("Checked in")
    String status_checked_in();

    @Message("Done")
    String status_completed();

    @Message("No-show")
    String status_no_show();

    @Message("On hold")
    String status_on_hold();

    @Message("Cancelled")
    String status_cancelled();

    @Message("Time")
    String time();

    @Message("Applicant")
    String applicant();

    @Message("Status")
    String status();

    @Message("Waiting")
    String waiting();

    @Message("{minutes} min")
    String minutes(Long minutes);

    @Message("Check in")
    String check_in();

    @Message("Mark no-show")
    String no_show();

    @Message("Nobody is booked for this day.")
    String nobody_today();

    @Message("Search by name, phone or last 4 of the A-number")
    String search_hint();

    @Message("Search")
    String search();

    @Message("Stage")
    String stage();

    @Message("Category")
    String category();

    @Message("Any")
    String any();

    @Message("Name")
    String name();

    @Message("Phone")
    String phone();

    @Message("Registered")
    String registered();

    @Message("No applicant matches.")
    String no_match();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Register an applicant")
    String register_title();

    @Message("Given name")
    String given_name();

    @Message("Family name")
    String family_name();

    @Message("Date of birth")
    String date_of_birth();

    @Message("Country of citizenship")
    String country();

    @Message("Preferred language")
    String preferred_language();

    @Message("Agrees to SMS updates")
    String sms_consent();

    @Message("A-number (optional)")
    String a_number();

    @Message("Asylum application filed on")
    String asylum_filed_on();

    @Message("Parole ends on")
    String parole_end_date();

    @Message("Parole program")
    String parole_program();

    @Message("TPS country")
    String tps_country();

    @Message("Household (a family is booked together)")
    String household();

    @Message("Check eligibility")
    String check_eligibility();

    @Message("Save applicant")
    String save();

    @Message("Eligibility")
    String eligibility();

    @Message("Eligible")
    String eligible();

    @Message("Not eligible yet")
    String not_eligible();

    @Message("Earliest filing date")
    String earliest_filing();

    @Message("Fee")
    String fee();

    @Message("Fee waiver")
    String fee_waiver();

    @Message("Please correct the fields marked below.")
    String fix_fields();

    @Message("This person may already be registered:")
    String duplicate_warning();

    @Message("Documents")
    String documents();

    @Message("Verify")
    String verify();

    @Message("Reject")
    String reject();

    @Message("Not applicable")
    String waive();

    @Message("Reason")
    String reason();

    @Message("Check as")
    String check_as();

    @Message("No change")
    String unchanged();

    @Message("Save checks")
    String save_checks();

    @Message("Choose a status for at least one document.")
    String nothing_chosen();

    @Message("Appointment")
    String appointment();

    @Message("No appointment yet: it is booked when the documents are ready.")
    String no_appointment();

    @Message("Move to")
    String reschedule_to();

    @Message("Reschedule")
    String reschedule();

    @Message("Cancel appointment")
    String cancel();

    @Message("Text messages")
    String sms_history();

    @Message("No text messages yet.")
    String no_sms();

    @Message("Timeline")
    String timeline();

    @Message("Reveal A-number")
    String reveal();

    @Message("A-number")
    String a_number_label();

    @Message("Revealing is recorded in the audit log.")
    String reveal_audited();

    @Message("Upload a roster (CSV)")
    String import_title();

    @Message("Upload")
    String upload();

    @Message("Rows accepted")
    String rows_accepted();

    @Message("Rows with errors")
    String rows_rejected();

    @Message("Row")
    String row();

    @Message("Error")
    String error();

    @Message("Sites")
    String sites();

    @Message("Open a site")
    String new_site();

    @Message("Add a session")
    String new_session();

    @Message("Close a day (its appointments are rebooked)")
    String new_closure();

    @Message("Id")
    String id();

    @Message("Address")
    String address();

    @Message("Time zone")
    String time_zone();

    @Message("Start")
    String start();

    @Message("End")
    String end();

    @Message("Slot minutes")
    String slot_minutes();

    @Message("Stations")
    String stations();

    @Message("Interpreter languages (comma-separated)")
    String languages();

    @Message("Save")
    String submit();

    @Message("Every SMS the development gateway received")
    String inbox_title();

    @Message("To")
    String to();

    @Message("Message")
    String message_text();

    @Message("Sent")
    String sent();

    @Message("Done.")
    String done();

    @Message("The service did not answer; try again in a moment.")
    String unavailable();

    @Message("You are not allowed to do this.")
    String forbidden();

    @Message("Not found.")
    String not_found();

    @Message("Rule book")
    String nav_rules();

    @Message("Add a rule")
    String new_rule();

    @Message("A rule is never edited: add a new row (a new id) that supersedes the old one. Preview first: it lists the open cases whose fee, status or earliest filing date would change. Every row names its source.")
    String new_rule_help();

    @Message("The rule (JSON)")
    String rule_json();

    @Message("Preview")
    String preview();

    @Message("Add the rule")
    String add_rule();

    @Message("open cases would change")
    String cases_change();

    @Message("open cases decided again")
    String open_cases_reviewed();

    @Message("Before")
    String before();

    @Message("After")
    String after();

    @Message("The rule book")
    String rule_book();

    @Message("Kind")
    String kind();

    @Message("In force")
    String in_force();

    @Message("Amount")
    String amount();

    @Message("Source")
    String source();

    @Message("Waivable")
    String waivable();

    @Message("Policy action")
    String policy_action();

    @Message("Started: the progress below refreshes by itself.")
    String action_started();

    @Message("Affected cases")
    String affected_cases();

    @Message("open cases")
    String open_cases();

    @Message("Reason for the hold (caseworkers read it on each case)")
    String hold_reason();

    @Message("Put all on hold")
    String hold_all();

    @Message("Lift the hold")
    String lift_all();

    @Message("A hold releases each appointment (unless the applicant is already checked in) and texts each applicant once, in their language, to contact the clinic; the lift books them again. Running either twice changes nothing.")
    String hold_policy();

    @Message("Actions run")
    String actions_run();

    @Message("Progress")
    String progress();

    @Message("changed")
    String changed();

    @Message("No action has been run for this rule.")
    String no_actions();

    @Message("Decision")
    String decision();

    @Message("Earliest grant")
    String earliest_grant();

    @Message("Valid until")
    String valid_until();

    @Message("Booking approved by")
    String override();

    @Message("Owed")
    String owed();

    @Message("Rule")
    String rule();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Why the applicant may be booked")
    String override_reason();

    @Message("Approve booking")
    String approve_booking();

    @Message("Waitlist")
    String waitlist();

    @Message("Eligible from")
    String eligible_from();

    @Message("Filing step")
    String filing_step();

    @Message("Open the filing step")
    String filing_open();

    @Message("Filing readiness")
    String filing_ready();

    @Message("Still missing")
    String still_missing();

    @Message("I-765 answers")
    String form_answers();

    @Message("From the case (correct them on the case page)")
    String from_case();

    @Message("Save answers")
    String save_answers();

    @Message("on file")
    String on_file();

    @Message("leave empty to keep")
    String leave_empty_keep();

    @Message("Certifications")
    String certifications();

    @Message("Applicant's statement (Part 3)")
    String statement();

    @Message("Interpreter (Part 4)")
    String interpreter();

    @Message("Preparer (Part 5)")
    String preparer();

    @Message("Read to the applicant by the interpreter")
    String via_interpreter();

    @Message("Parent or guardian signing (under 14)")
    String guardian_name();

    @Message("Relationship")
    String guardian_relationship();

    @Message("Organization")
    String organization();

    @Message("E-mail")
    String email();

    @Message("Record certification")
    String record_certification();

    @Message("Recorded")
    String recorded();

    @Message("Consents")
    String consents();

    @Message("Disclosure to the Social Security Administration (Item 15)")
    String ssa_disclosure();

    @Message("Text messages")
    String sms_texts();

    @Message("Record consent")
    String give_consent();

    @Message("Record withdrawal")
    String withdraw_consent();

    @Message("Packet")
    String packet();

    @Message("Download packet")
    String download_packet();

    @Message("Each download is recorded on the case's audit trail.")
    String packet_audited();

    @Message("Record filing")
    String record_filing();

    @Message("Filed on")
    String filed_on();

    @Message("Method")
    String method();

    @Message("Paper")
    String paper();

    @Message("Online")
    String online();

    @Message("Fee paid")
    String fee_paid();

    @Message("Fee waiver requested")
    String waiver_requested();

    @Message("Record receipt")
    String record_receipt();

    @Message("Receipt number")
    String receipt_number();

    @Message("Saved.")
    String saved();

    @Message("{met} of {total} ready")
    String filing_progress(int met, int total);

    @Message("Date of last arrival in the U.S.")
    String last_arrival_on();

    @Message("Save on the case")
    String save_on_case();

    @Message("Needs attention")
    String nav_attention();

    @Message("What USCIS and moves ask of the clinic after filing: overdue first. Tick each off with the date it was done.")
    String attention_help();

    @Message("Nothing needs attention.")
    String attention_none();

    @Message("What to do")
    String attention_what();

    @Message("Due")
    String attention_due();

    @Message("Done on")
    String attention_done_on();

    @Message("Mark done")
    String attention_mark_done();

    @Message("done")
    String attention_done();

    @Message("After filing")
    String after_filing();

    @Message("USCIS status")
    String uscis_status();

    @Message("USCIS has not been asked yet: the tracker checks receipts within the day.")
    String uscis_status_pending();

    @Message("Record a move")
    String record_move();

    @Message("In care of")
    String in_care_of();

    @Message("Street")
    String street();

    @Message("Apt., suite or floor")
    String unit();

    @Message("City")
    String city();

    @Message("State")
    String state();

    @Message("ZIP code")
    String zip_code();

    @Message("Moved on")
    String moved_on();

    @Message("Move recorded. If the case was filed, tell USCIS within 10 days (AR-11 and the pending case).")
    String move_recorded();

    @Message("Surge planning")
    String nav_planning();

    @Message("Clear by")
    String plan_target();

    @Message("Turn-away limit (%)")
    String plan_turn_away();

    @Message("Sessions from")
    String plan_start();

    @Message("to")
    String plan_end();

    @Message("Slot (minutes)")
    String plan_slot();

    @Message("Plan")
    String plan_show();

    @Message("Backlog")
    String plan_backlog();

    @Message("Eligible now")
    String plan_eligible_now();

    @Message("Eligible from")
    String plan_eligible_later();

    @Message("Not eligible or on hold")
    String plan_not_eligible();

    @Message("Waitlisted")
    String plan_waitlisted();

    @Message("No-show rate (30 days)")
    String plan_no_show();

    @Message("The plan")
    String plan_plan();

    @Message("With today's sessions the backlog clears on")
    String plan_clears_on();

    @Message("clinic days")
    String plan_clinic_days();

    @Message("past the published sessions at their average")
    String plan_extrapolated();

    @Message("With today's sessions the backlog never clears.")
    String plan_never_clears();

    @Message("To clear by the date it takes")
    String plan_needs();

    @Message("new sessions")
    String plan_sessions();

    @Message("station-days")
    String plan_station_days();

    @Message("people become eligible only after the date")
    String plan_too_late();

    @Message("Bars: seats needed per clinic day by language. Dashed outline: seats still free in the published sessions.")
    String plan_chart_caption();

    @Message("Seats by language")
    String plan_seats_by_language();

    @Message("New seats")
    String plan_new_seats();

    @Message("Stations")
    String plan_stations();

    @Message("in existing sessions")
    String plan_existing();

    @Message("Proposed sessions")
    String plan_proposed();

    @Message("Hours")
    String plan_hours();

    @Message("Create these sessions")
    String plan_create();

    @Message("What if a roster arrives?")
    String plan_what_if();

    @Message("Clear in (days)")
    String plan_clear_in_days();

    @Message("Work it out")
    String plan_what_if_run();

    @Message("To clear in days")
    String plan_to_clear_in();

    @Message("Languages served (interpreters)")
    String plan_interpreters();

    @Message("or a roster file (CSV, not imported)")
    String plan_roster_file();

    @Message("Scan stored.")
    String scan_stored();

    @Message("Choose a file or take a photo first.")
    String scan_no_file();

    @Message("Receipt number recorded.")
    String receipt_recorded();

    @Message("Opted out of SMS (STOP)")
    String sms_opted_out();

    @Message("No SMS consent")
    String sms_no_consent();

    @Message("No number for SMS")
    String sms_no_phone();

    @Message("Gets SMS")
    String sms_on();

    @Message("No family members registered")
    String household_alone();

    @Message("Actions")
    String actions();

    @Message("required")
    String required();

    @Message("Scan, {pages} page(s), {when}")
    String scan_label(int pages, String when);

    @Message("Add a scan")
    String upload_scan();

    @Message("Day sheet")
    String day_sheet();

    @Message("Back to Today")
    String back_to_today();

    @Message("Print")
    String print();

    @Message("Arrived")
    String arrived();

    @Message("Notes")
    String notes();

    @Message("{count} appointment(s). Printed from Clinic Flow; shred after the day.")
    String sheet_footer(int count);

    @Message("Family member already registered (name, phone or A-number)")
    String family_search();

    @Message("Find")
    String family_find();

    @Message("Same household as")
    String family_choose();

    @Message("Nobody (not part of a registered family)")
    String family_none();

    @Message("Registered")
    String status_registered();

    @Message("Documents pending")
    String status_documents_pending();

    @Message("Ready to book")
    String status_ready_to_book();

    @Message("Booked")
    String status_booked_stage();

    @Message("Filed")
    String status_filed();

    @Message("Withdrawn")
    String status_withdrawn();

    @Message("Eligible")
    String status_eligible();

    @Message("Not yet eligible")
    String status_not_yet();

    @Message("Not eligible")
    String status_ineligible();

    @Message("Verified")
    String status_verified();

    @Message("Pending")
    String status_pending();

    @Message("Rejected")
    String status_rejected();

    @Message("Not applicable")
    String status_not_applicable();

    @Message("Change")
    String change();

    @Message("Replies")
    String sms_replies();

    @Message("SMS: not set up yet")
    String sms_not_yet();

    @Message("Refresh")
    String refresh();

    @Message("Sent")
    String status_sent();

    @Message("Delivered")
    String status_delivered();

    @Message("Failed")
    String status_failed();

    @Message("Not sent (no consent or STOP)")
    String status_suppressed();
}
