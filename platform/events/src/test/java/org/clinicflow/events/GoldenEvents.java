package org.clinicflow.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.EventContract;
import org.clinicflow.events.cloudevents.EventJson;

/**
 * Loads the golden JSON sample of an event type from {@code golden/<type>.json}. Shipped in
 * this module's test-jar so that producer and consumer tests of every service assert against
 * the same bytes the contract test pins.
 */
public final class GoldenEvents {

    private GoldenEvents() {
    }

    /** The raw sample body of a CloudEvents type. */
    public static byte[] body(String type) {
        String path = "golden/" + type + ".json";
        try (InputStream in = GoldenEvents.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden sample at " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample of an event record, parsed the way consumers parse it. */
    public static <T extends ClinicEvent> T event(Class<T> eventClass) {
        EventContract<T> contract = EventCatalog.of(eventClass);
        return EventJson.read(body(contract.type()), eventClass);
    }
}
