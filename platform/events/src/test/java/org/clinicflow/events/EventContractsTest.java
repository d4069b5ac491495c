package org.clinicflow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.EventContract;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.InvalidEventException;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.events.intake.ContactPointChangedV1;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every contract in the catalog has a golden sample, its record reads the sample and writes
 * it back field for field, and no sample carries personal data a consumer does not need.
 */
class EventContractsTest {

    /** Field names that must never appear in an event: the domain guide's privacy rules. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("givenname", "familyname", "name", "dateofbirth",
            "anumber", "alienumber", "body", "text", "address", "email");

    static Stream<EventContract<?>> contracts() {
        return EventCatalog.contracts().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void recordRoundTripsThroughItsGoldenSample(EventContract<?> contract) throws Exception {
        byte[] sample = GoldenEvents.body(contract.type());
        ClinicEvent event = EventJson.read(sample, contract.payloadType());
        assertNotNull(event.applicantId(), "every event names its applicant");

        JsonNode expected = EventJson.mapper().readTree(sample);
        JsonNode written = EventJson.mapper().readTree(EventJson.write(event));
        assertEquals(expected, written, "record must write back exactly its golden sample");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void sampleCarriesNoPersonalDetails(EventContract<?> contract) throws Exception {
        JsonNode sample = EventJson.mapper().readTree(GoldenEvents.body(contract.type()));
        List<String> fields = new ArrayList<>();
        collectFieldNames(sample, fields);
        for (String field : fields) {
            assertFalse(PERSONAL_FIELDS.contains(field.toLowerCase(Locale.ROOT)), contract.type() + " carries " + field);
        }
        boolean carriesPhone = fields.contains("phone");
        assertEquals(contract.topic() == EventCatalog.CONTACTS, carriesPhone,
                "only the contact topic may carry a phone number: " + contract.type());
        String text = new String(GoldenEvents.body(contract.type()), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        assertFalse(text.contains("asylum"), "no event may say asylum next to an applicant id");
    }

    @Test
    void everySampleFileBelongsToACatalogType() {
        for (EventContract<?> contract : EventCatalog.contracts()) {
            assertEquals(contract, EventCatalog.byType(contract.type()).orElseThrow());
            assertEquals(contract, EventCatalog.of(contract.payloadType()));
        }
        assertTrue(EventCatalog.byType("clinic.intake.applicant-registered.v99").isEmpty());
    }

    @Test
    void addedFieldsAreIgnoredSoContractsCanGrowAdditively() throws Exception {
        ObjectNode newer = (ObjectNode) EventJson.mapper()
                .readTree(GoldenEvents.body("clinic.intake.applicant-registered.v1"));
        newer.put("fieldFromTheFuture", "ignored");
        ApplicantRegisteredV1 read = EventJson.read(EventJson.mapper().writeValueAsBytes(newer), ApplicantRegisteredV1.class);
        assertEquals(GoldenEvents.event(ApplicantRegisteredV1.class), read);
    }

    @Test
    void bodyWithoutApplicantIdOrNotJsonIsInvalid() {
        assertThrows(InvalidEventException.class,
                () -> EventJson.read("{\"category\":\"c11\"}".getBytes(StandardCharsets.UTF_8), ApplicantRegisteredV1.class));
        assertThrows(InvalidEventException.class,
                () -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8), ApplicantRegisteredV1.class));
        assertThrows(InvalidEventException.class, () -> EventJson.read(new byte[0], ApplicantRegisteredV1.class));
    }

    @Test
    void invalidBodyMessageDoesNotQuoteTheBody() {
        byte[] body = "{\"applicantId\":\"not-a-uuid\",\"phone\":\"+13125550123\"}".getBytes(StandardCharsets.UTF_8);
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> EventJson.read(body, ContactPointChangedV1.class));
        assertFalse(e.getMessage().contains("3125550123"), e.getMessage());
    }

    @Test
    void contactPointToStringMasksThePhone() {
        ContactPointChangedV1 contact = GoldenEvents.event(ContactPointChangedV1.class);
        assertFalse(contact.toString().contains(contact.phone()));
    }

    private static void collectFieldNames(JsonNode node, List<String> into) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                into.add(name);
                collectFieldNames(node.get(name), into);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectFieldNames(child, into));
        }
    }
}
