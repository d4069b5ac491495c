package org.clinicflow.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.EventContract;
import org.clinicflow.events.catalog.Topic;
import org.junit.jupiter.api.Test;

/**
 * The human-readable catalog ({@code docs/events.md}) and the AsyncAPI document
 * ({@code docs/asyncapi.yaml}) say what the code says: every topic with its partitions,
 * retention and consumers, every event type on its topic.
 */
class EventCatalogDocsTest {

    private static final Path DOCS = Path.of("..", "..", "docs");

    @Test
    void eventsMarkdownListsEveryTopicAndType() throws Exception {
        String md = Files.readString(DOCS.resolve("events.md"));
        for (Topic topic : EventCatalog.topics()) {
            String row = "| `" + topic.name() + "` | " + topic.partitions() + " | " + topic.retention().toDays() + " days | "
                    + topic.producer() + " | " + String.join(", ", topic.consumers()) + " |";
            assertTrue(md.contains(row), "docs/events.md lacks the row: " + row);
            assertTrue(md.contains("`" + topic.deadLetterTopic() + "`"), "docs/events.md lacks " + topic.deadLetterTopic());
        }
        for (EventContract<?> contract : EventCatalog.contracts()) {
            String row = "| `" + contract.type() + "` | `" + contract.topic().name() + "` | `"
                    + contract.payloadType().getSimpleName() + "` |";
            assertTrue(md.contains(row), "docs/events.md lacks the row: " + row);
        }
    }

    @Test
    void asyncApiDocumentDeclaresEveryTopicAndType() throws Exception {
        String yaml = Files.readString(DOCS.resolve("asyncapi.yaml"));
        assertTrue(yaml.startsWith("asyncapi: 3.0.0"), "AsyncAPI 3 document");
        for (Topic topic : EventCatalog.topics()) {
            assertTrue(Pattern.compile("address: " + Pattern.quote(topic.name()) + "\\s").matcher(yaml).find(),
                    "asyncapi.yaml lacks channel " + topic.name());
        }
        for (EventContract<?> contract : EventCatalog.contracts()) {
            assertTrue(yaml.contains("const: " + contract.type()), "asyncapi.yaml lacks message " + contract.type());
        }
    }
}
