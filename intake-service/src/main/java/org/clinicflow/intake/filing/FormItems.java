package org.clinicflow.intake.filing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where each answer goes on the I-765: Part and Item number and the form's caption, in one
 * table the validation messages, the portal and the packet all read. The numbering is the
 * layout of the I-765 editions since 12/26/2019 (Part 2, Item 27 is the eligibility category,
 * per the USCIS table of changes for that edition; Part 3 the applicant's statement, Part 4 the
 * interpreter, Part 5 the preparer). A new edition that renumbers is a new table here and a new
 * {@link #LAYOUT}; check it against the edition in force at uscis.gov/i-765 before filing.
 */
public final class FormItems {

    public static final String LAYOUT = "I-765 item layout of the 12/26/2019 edition and later";

    /** One item: the request field (or case field) it answers, its number and its caption. */
    public record Item(String field, String part, String number, String caption) {

        public String label() {
            return "Part " + part + ", Item " + number;
        }
    }

    public static final List<Item> ITEMS = List.of(
            new Item("reason", "1", "1", "Reason for applying (initial or renewal)"),
            new Item("familyName", "2", "1.a", "Family name"),
            new Item("givenName", "2", "1.b", "Given name"),
            new Item("middleName", "2", "1.c", "Middle name"),
            new Item("otherNames", "2", "2.a-4.c", "Other names used"),
            new Item("mailingAddress.inCareOf", "2", "5.a", "Mailing address: in care of"),
            new Item("mailingAddress", "2", "5.b-5.f", "Mailing address: street, unit, city, state, ZIP code"),
            new Item("mailingIsPhysical", "2", "6", "Is the mailing address the same as the physical address?"),
            new Item("physicalAddress", "2", "7.a-7.e", "Physical address"),
            new Item("aNumber", "2", "8", "A-Number"),
            new Item("sex", "2", "10", "Sex"),
            new Item("maritalStatus", "2", "11", "Marital status"),
            new Item("previouslyFiled", "2", "12", "Have you previously filed Form I-765?"),
            new Item("ssaCardIssued", "2", "13.a", "Has the Social Security Administration ever issued you a card?"),
            new Item("ssn", "2", "13.b", "U.S. Social Security number"),
            new Item("wantsSsaCard", "2", "14", "Do you want the SSA to issue you a Social Security card?"),
            new Item("consents.ssa-disclosure", "2", "15", "Consent for disclosure to the SSA"),
            new Item("father", "2", "16.a-16.b", "Father's family and given name"),
            new Item("mother", "2", "17.a-17.b", "Mother's family and given name"),
            new Item("countryOfCitizenship", "2", "18.a", "Country of citizenship or nationality"),
            new Item("otherCitizenship", "2", "18.b", "Other country of citizenship or nationality"),
            new Item("placeOfBirth", "2", "19.a-19.c", "Place of birth: city, state or province, country"),
            new Item("dateOfBirth", "2", "20", "Date of birth"),
            new Item("i94Number", "2", "21.a", "Form I-94 Arrival-Departure Record number"),
            new Item("passportNumber", "2", "21.b", "Passport number"),
            new Item("travelDocumentNumber", "2", "21.c", "Travel document number"),
            new Item("documentIssuingCountry", "2", "21.d", "Country that issued the passport or travel document"),
            new Item("documentExpiresOn", "2", "21.e", "Expiration date of the passport or travel document"),
            new Item("lastArrivalOn", "2", "22", "Date of last arrival into the United States"),
            new Item("lastArrivalPlace", "2", "23", "Place of last arrival"),
            new Item("statusAtLastArrival", "2", "24", "Immigration status at last arrival"),
            new Item("currentStatus", "2", "25", "Current immigration status or category"),
            new Item("category", "2", "27", "Eligibility category"),
            new Item("arrestedOrConvicted", "2", "30", "(c)(8) only: have you ever been arrested for or convicted of any crime?"),
            new Item("certifications.applicant-statement", "3", "1-7", "Applicant's statement, contact information and signature"),
            new Item("certifications.interpreter", "4", "1-7", "Interpreter's contact information, certification and signature"),
            new Item("certifications.preparer", "5", "1-8", "Preparer's contact information, certification and signature"));

    private static final Map<String, Item> BY_FIELD = ITEMS.stream().collect(Collectors.toMap(Item::field, Function.identity()));

    private FormItems() {
    }

    /** The item a field answers (a nested field such as {@code mailingAddress.zipCode} answers its parent's item). */
    public static Item of(String field) {
        String f = field;
        while (true) {
            Item item = BY_FIELD.get(f);
            if (item != null) {
                return item;
            }
            int dot = f.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            f = f.substring(0, dot);
        }
    }

    /** "Part 2, Item 21.a: " before a message, when the field answers an item. */
    public static String prefix(String field) {
        Item item = of(field);
        return item == null ? "" : item.label() + ": ";
    }
}
