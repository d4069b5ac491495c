package org.clinicflow.document.scan;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads a PDF with Apache PDFBox, as a viewer would, and finds what a scan must not carry:
 * JavaScript, launch and other actions that run or fetch something, an open action, additional
 * actions (on the document, a page, a field), embedded files and attachments, XFA forms, rich
 * media. Names are compared after PDFBox has decoded them ({@code /J#61vaScript} is
 * {@code /JavaScript}) and every object is visited, including those packed in compressed object
 * streams, which a pattern over the raw bytes never sees. Parsing is held in memory and bounded
 * ({@link #MEMORY_BYTES} of stream cache, {@link #MAX_OBJECTS} objects): a file that needs more
 * is refused, never written to disk. Tested by {@code ScanInspectorTest}.
 */
final class PdfActiveContent {

    static final long MEMORY_BYTES = 64L * 1024 * 1024;
    static final int MAX_OBJECTS = 200_000;

    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "SubmitForm", "ResetForm",
            "RichMediaExecute", "GoToE", "Rendition", "Sound", "Movie", "GoTo3DView");
    private static final Map<String, String> ACTIVE_KEYS = Map.of("JS", "JavaScript", "JavaScript", "JavaScript", "AA",
            "additional actions", "OpenAction", "an open action", "XFA", "an XFA form", "EmbeddedFile", "an embedded file",
            "EmbeddedFiles", "embedded files", "RichMedia", "rich media");
    private static final Set<String> ACTIVE_TYPES = Set.of("EmbeddedFile", "Filespec", "FileAttachment", "RichMedia", "Screen",
            "Movie", "Sound");

    /** What a parsed PDF is: its page count and the first active content found, if any. */
    record Reading(int pages, boolean encrypted, Optional<String> active) {
    }

    private PdfActiveContent() {
    }

    static Reading read(byte[] content) throws IOException {
        try (PDDocument document = Loader.loadPDF(content, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(MEMORY_BYTES).streamCache)) {
            if (document.isEncrypted()) {
                return new Reading(0, true, Optional.empty());
            }
            COSDocument cos = document.getDocument();
            if (cos.getXrefTable().size() > MAX_OBJECTS) {
                throw new IOException("more than " + MAX_OBJECTS + " objects");
            }
            Optional<String> active = find(cos.getTrailer());
            for (COSObjectKey key : cos.getXrefTable().keySet()) {
                if (active.isPresent()) {
                    break;
                }
                COSObject object = cos.getObjectFromPool(key);
                active = find(object == null ? null : object.getObject());
            }
            return new Reading(document.getNumberOfPages(), false, active);
        }
    }

    /** The first active content in this object and the direct objects inside it (indirect ones are visited on their own). */
    private static Optional<String> find(COSBase root) {
        Deque<COSBase> pending = new ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        int visited = 0;
        while (!pending.isEmpty() && visited++ < MAX_OBJECTS) {
            COSBase base = pending.pop();
            if (base instanceof COSDictionary dictionary) {
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    String key = entry.getKey().getName();
                    if (ACTIVE_KEYS.containsKey(key) && !isEmptyOpenAction(key, entry.getValue())) {
                        return Optional.of(ACTIVE_KEYS.get(key));
                    }
                    if (!(entry.getValue() instanceof COSObject)) {
                        pending.push(entry.getValue());
                    }
                }
                String action = name(dictionary, COSName.S);
                if (action != null && ACTIVE_ACTIONS.contains(action)) {
                    return Optional.of(action + " action");
                }
                String type = name(dictionary, COSName.TYPE);
                String subtype = name(dictionary, COSName.SUBTYPE);
                for (String t : new String[] { type, subtype }) {
                    if (t != null && ACTIVE_TYPES.contains(t)) {
                        return Optional.of(t.equals("Filespec") || t.equals("FileAttachment") || t.equals("EmbeddedFile")
                                ? "an embedded file" : t);
                    }
                }
            } else if (base instanceof COSArray array) {
                for (COSBase item : array) {
                    if (item != null && !(item instanceof COSObject)) {
                        pending.push(item);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** An /OpenAction that is only a destination (a page to show first) runs nothing; an action dictionary does. */
    private static boolean isEmptyOpenAction(String key, COSBase value) {
        if (!key.equals("OpenAction")) {
            return false;
        }
        COSBase target = value instanceof COSObject o ? o.getObject() : value;
        return target instanceof COSArray;
    }

    private static String name(COSDictionary dictionary, COSName key) {
        COSBase value = dictionary.getDictionaryObject(key);
        return value instanceof COSName n ? n.getName() : null;
    }
}
