package org.clinicflow.intake.filing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.clinicflow.intake.certification.CertificationView;
import org.clinicflow.intake.checklist.ChecklistItems;
import org.clinicflow.intake.eligibility.ApplicantFacts;
import org.clinicflow.intake.eligibility.Category;
import org.clinicflow.intake.eligibility.EligibilityDecision;

/**
 * Renders the filing packet: a cover sheet with every fee line owed, the I-765 answers item by
 * item under the form's Part and Item numbers, the document checklist, the certifications and
 * consents, the fee-waiver request when one is claimed, and last the applicant's own page in
 * their language. Tested by {@code FilingApiTest}, which reads the PDF back with PDFBox.
 */
final class PacketPdf {

    private static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PacketPdf() {
    }

    static byte[] render(PacketContent c) {
        try (PdfPages pdf = new PdfPages("I-765 filing packet")) {
            cover(pdf, c);
            answers(pdf, c);
            checklist(pdf, c);
            certifications(pdf, c);
            applicantPage(pdf, c);
            return pdf.finish();
        }
    }

    private static void cover(PdfPages pdf, PacketContent c) {
        pdf.newPage();
        pdf.heading("I-765 filing packet");
        pdf.field("Applicant", c.applicant().familyName.toUpperCase(Locale.ROOT) + ", " + c.applicant().givenName);
        pdf.field("Case", c.applicant().id.toString());
        pdf.field("Site", c.applicant().siteId);
        pdf.field("Eligibility category (Part 2, Item 27)", category(c));
        pdf.field("Prepared", STAMP.format(c.preparedAt()) + " by " + c.preparedBy());
        pdf.paragraph("Answers are listed under the form's Part and Item numbers (" + FormItems.LAYOUT
                + "); copy each onto the edition in force at uscis.gov/i-765.");
        EligibilityDecision.Fees fees = c.decision().fees();
        pdf.subheading("Fees owed on " + FORM_DATE.format(c.today()));
        boolean statutory = false;
        for (EligibilityDecision.FeeLine line : fees.lines()) {
            pdf.field(line.description(), ApplicantPage.usd(line.amountUsd()) + (line.waivable() ? ", waivable with a fee waiver"
                    : ", not waivable") + " [rule " + line.ruleId() + "]");
            statutory |= !line.waivable() && line.amountUsd() > 0;
        }
        pdf.field("Total", ApplicantPage.usd(fees.totalUsd()));
        if (fees.waiverClaimed()) {
            pdf.field("Removed by the fee waiver requested", ApplicantPage.usd(fees.waivableUsd()));
        }
        pdf.field("To pay with the application", ApplicantPage.usd(fees.owedUsd()));
        if (statutory) {
            pdf.paragraph("The statutory EAD fee is paid separately from the base filing fee and is never waived.");
        }
        ApplicantFacts.FeeWaiverBasis basis = c.applicant().feeWaiverBasis;
        if (basis != null && basis != ApplicantFacts.FeeWaiverBasis.NONE) {
            pdf.subheading("Fee waiver request (Form I-912)");
            pdf.field("Basis", switch (basis) {
                case MEANS_TESTED_BENEFIT -> "Receives a means-tested benefit";
                case INCOME_AT_OR_BELOW_150_PERCENT_FPG -> "Household income at or below 150% of the federal poverty guidelines";
                case FINANCIAL_HARDSHIP -> "Financial hardship";
                case NONE -> "None";
            });
            pdf.field("Fee it asks to waive", ApplicantPage.usd(fees.waivableUsd()) + " (the base filing fee only)");
            pdf.paragraph("Attach Form I-912 and its evidence of the basis claimed.");
        }
    }

    private static void answers(PdfPages pdf, PacketContent c) {
        pdf.newPage();
        pdf.heading("Form I-765: answers by item");
        for (FormItems.Item item : FormItems.ITEMS) {
            if (item.field().startsWith("certifications.")) {
                continue;
            }
            if (item.field().equals("arrestedOrConvicted") && !"c8".equals(c.applicant().category)) {
                continue;
            }
            pdf.field(item.label() + "  " + item.caption(), value(item.field(), c));
        }
    }

    private static String value(String field, PacketContent c) {
        FormRequest r = c.answers();
        var a = c.applicant();
        return switch (field) {
            case "reason" -> a.priorEad ? "Renewal of permission to accept employment" : "Initial permission to accept employment";
            case "familyName" -> a.familyName;
            case "givenName" -> a.givenName;
            case "middleName" -> r.middleName();
            case "otherNames" -> r.otherNames() == null || r.otherNames().isEmpty() ? "None"
                    : r.otherNames().stream().map(PacketPdf::name).collect(Collectors.joining("; "));
            case "mailingAddress.inCareOf" -> r.mailingAddress() == null ? null : r.mailingAddress().inCareOf();
            case "mailingAddress" -> address(r.mailingAddress());
            case "mailingIsPhysical" -> yesNo(r.mailingIsPhysical());
            case "physicalAddress" -> Boolean.TRUE.equals(r.mailingIsPhysical()) ? "Same as the mailing address" : address(r.physicalAddress());
            case "aNumber" -> c.aNumber() == null ? "None" : c.aNumber();
            case "sex" -> capital(r.sex());
            case "maritalStatus" -> capital(r.maritalStatus());
            case "previouslyFiled" -> yesNo(r.previouslyFiled());
            case "ssaCardIssued" -> yesNo(r.ssaCardIssued());
            case "ssn" -> c.numbers().get("ssn");
            case "wantsSsaCard" -> yesNo(r.wantsSsaCard());
            case "consents.ssa-disclosure" -> Boolean.TRUE.equals(r.wantsSsaCard()) ? yesNo(c.consents().get("ssa-disclosure")) : null;
            case "father" -> r.father() == null ? null : name(r.father());
            case "mother" -> r.mother() == null ? null : name(r.mother());
            case "countryOfCitizenship" -> country(a.countryOfCitizenship);
            case "otherCitizenship" -> country(r.otherCitizenship());
            case "placeOfBirth" -> r.placeOfBirth() == null ? null : String.join(", ", java.util.stream.Stream.of(r.placeOfBirth().city(),
                    r.placeOfBirth().province(), country(r.placeOfBirth().country())).filter(s -> s != null && !s.isBlank()).toList());
            case "dateOfBirth" -> date(a.dateOfBirth);
            case "i94Number" -> c.numbers().get("i94Number");
            case "passportNumber" -> c.numbers().get("passportNumber");
            case "travelDocumentNumber" -> c.numbers().get("travelDocumentNumber");
            case "documentIssuingCountry" -> country(r.documentIssuingCountry());
            case "documentExpiresOn" -> date(r.documentExpiresOn());
            case "lastArrivalOn" -> date(a.lastArrivalOn);
            case "lastArrivalPlace" -> r.lastArrivalPlace();
            case "statusAtLastArrival" -> r.statusAtLastArrival();
            case "currentStatus" -> r.currentStatus();
            case "category" -> category(c);
            case "arrestedOrConvicted" -> yesNo(r.arrestedOrConvicted());
            default -> null;
        };
    }

    private static void checklist(PdfPages pdf, PacketContent c) {
        pdf.subheading("Document checklist");
        if (c.checklist().isEmpty()) {
            pdf.paragraph("Reviewed by document-service; no item list was received.");
        }
        for (ChecklistItems.Item item : c.checklist()) {
            pdf.field(item.documentType(), item.status() + (item.checkedBy() == null ? "" : " by " + item.checkedBy())
                    + (item.checkedAt() == null ? "" : ", " + STAMP.format(item.checkedAt())));
        }
    }

    private static void certifications(PdfPages pdf, PacketContent c) {
        pdf.subheading("Certifications");
        for (CertificationView v : c.certifications()) {
            pdf.paragraph("Part " + v.part() + ": " + switch (v.kind()) {
                case "applicant-statement" -> "Applicant's statement";
                case "interpreter" -> "Interpreter's certification";
                default -> "Preparer's certification";
            } + " (text " + v.textVersion() + ", recorded " + STAMP.format(v.recordedAt()) + " by " + v.recordedBy() + ")");
            if (v.name() != null) {
                pdf.field("Name", v.name());
            }
            if (v.organization() != null) {
                pdf.field("Organization", v.organization());
            }
            if (v.phone() != null) {
                pdf.field("Daytime phone", v.phone());
            }
            if (v.email() != null) {
                pdf.field("E-mail", v.email());
            }
            if (v.language() != null) {
                pdf.field("Language", v.language() + (v.viaInterpreter() ? ", through the interpreter of Part 4" : ""));
            }
            if (v.guardianName() != null) {
                pdf.field("Signed for the applicant (under 14) by", v.guardianName() + ", " + v.guardianRelationship());
            }
            pdf.paragraph(v.text());
        }
        pdf.subheading("Consents in force");
        pdf.field("Text messages from the clinic", yesNo(c.consents().get("sms")));
        pdf.field("Disclosure to the Social Security Administration", yesNo(c.consents().get("ssa-disclosure")));
    }

    private static void applicantPage(PdfPages pdf, PacketContent c) {
        pdf.newPage();
        ApplicantPage.Page page = ApplicantPage.of(c.applicant().preferredLanguage, c.today(), c.decision().fees(), c.helpPhone());
        pdf.heading(page.title());
        page.paragraphs().forEach(pdf::paragraph);
        pdf.subheading(page.nextTitle());
        for (int i = 0; i < page.next().size(); i++) {
            pdf.paragraph((i + 1) + ". " + page.next().get(i));
        }
        pdf.space(8);
        page.closing().forEach(pdf::paragraph);
    }

    private static String category(PacketContent c) {
        return Category.fromCode(c.applicant().category).map(Category::formNotation).orElse(c.applicant().category);
    }

    private static String name(FormRequest.PersonName n) {
        return n.familyName() + ", " + n.givenName() + (n.middleName() == null || n.middleName().isBlank() ? "" : " " + n.middleName());
    }

    private static String address(FormRequest.Address a) {
        if (a == null) {
            return null;
        }
        return a.street() + (a.unit() == null || a.unit().isBlank() ? "" : ", " + a.unit()) + ", " + a.city() + ", " + a.state() + " "
                + a.zipCode();
    }

    private static String country(String code) {
        return code == null ? null : new Locale("", code).getDisplayCountry(Locale.US) + " (" + code + ")";
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }

    private static String capital(String value) {
        return value == null ? null : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    private static String date(LocalDate date) {
        return date == null ? null : FORM_DATE.format(date);
    }
}
