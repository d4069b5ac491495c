package org.clinicflow.document.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad upload the issue names is refused with its status; real scans pass. */
class ScanInspectorTest {

    @Test
    void realScansPass() {
        assertEquals(new ScanInspector.Inspection("image/png", 1), ScanInspector.inspect(ScanSamples.png()));
        assertEquals(new ScanInspector.Inspection("image/jpeg", 1), ScanInspector.inspect(ScanSamples.jpeg()));
        assertEquals(new ScanInspector.Inspection("application/pdf", 3), ScanInspector.inspect(ScanSamples.pdf(3)));
        assertEquals(new ScanInspector.Inspection("application/pdf", 2), ScanInspector.inspect(ScanSamples.pdfFromALibrary()));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("zero bytes", new byte[0], 400),
                Arguments.of("larger than 10 MB", new byte[ScanInspector.MAX_BYTES + 1], 413),
                Arguments.of("a text file", "name,dob\n".getBytes(StandardCharsets.UTF_8), 415),
                Arguments.of("a zip archive", ScanSamples.zip(), 415),
                Arguments.of("a truncated PNG", ScanSamples.truncated(ScanSamples.png()), 422),
                Arguments.of("a truncated JPEG", ScanSamples.truncated(ScanSamples.jpeg()), 422),
                Arguments.of("a truncated PDF", ScanSamples.truncated(ScanSamples.pdf(1)), 422),
                Arguments.of("a PDF with too many pages", ScanSamples.pdf(ScanInspector.MAX_PAGES + 1), 422),
                Arguments.of("a PDF with JavaScript", ScanSamples.pdfWith("9 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj"), 422),
                Arguments.of("a PDF with an embedded file", ScanSamples.pdfWith("9 0 obj << /Type /EmbeddedFile >> endobj"), 422),
                // Issue 16: what a pattern over the raw bytes let through.
                Arguments.of("a PDF with an escaped JavaScript action (/J#61vaScript)",
                        ScanSamples.pdfWith("9 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj"), 422),
                Arguments.of("a PDF with an escaped launch action (/L#61unch)",
                        ScanSamples.pdfWith("9 0 obj << /S /L#61unch /F (cmd.exe) >> endobj"), 422),
                Arguments.of("a PDF whose JavaScript sits in a compressed object stream", ScanSamples.pdfWithCompressedJavaScript(), 422),
                Arguments.of("a PDF with an open action", ScanSamples.pdfWith("9 0 obj << /OpenAction << /S /URI /URI (http://x.example) >> >> endobj"),
                        422),
                Arguments.of("a PDF page with additional actions",
                        ScanSamples.pdfWith("9 0 obj << /Type /Page /Parent 2 0 R /A#41 << /O << /S /URI /URI (http://x.example) >> >> >> endobj"),
                        422),
                Arguments.of("a PDF with an XFA form", ScanSamples.pdfWith("9 0 obj << /Fields [] /X#46A 10 0 R >> endobj"), 422),
                Arguments.of("a PDF with a file attachment", ScanSamples.pdfWith("9 0 obj << /Type /Annot /Subtype /F#69leAttachment >> endobj"), 422),
                Arguments.of("a PNG + zip polyglot", ScanSamples.concat(ScanSamples.png(), ScanSamples.zip()), 422),
                Arguments.of("a JPEG carrying HTML", ScanSamples.concat("<html><script>x</script>".getBytes(StandardCharsets.US_ASCII),
                        ScanSamples.jpeg()), 415),
                Arguments.of("a PDF carrying HTML", ScanSamples.pdfWith("% <script>alert(1)</script>"), 422),
                Arguments.of("a JPEG with a PDF inside", ScanSamples.concat(ScanSamples.jpeg(), ScanSamples.pdf(1)), 422),
                Arguments.of("a PNG decompression bomb", ScanSamples.pngBomb(), 422),
                Arguments.of("a JPEG claiming 60,000 x 60,000 pixels", ScanSamples.jpegBomb(), 422));
    }

    /** The script packed in an object stream is found as what it is (not refused for some other reason). */
    @org.junit.jupiter.api.Test
    void aScriptInACompressedObjectStreamIsFoundAsActiveContent() {
        String raw = new String(ScanSamples.pdfWithCompressedJavaScript(), StandardCharsets.ISO_8859_1);
        org.junit.jupiter.api.Assertions.assertFalse(raw.contains("JavaScript"), "the sample would not test the parser");
        ScanInspector.Refused refused = assertThrows(ScanInspector.Refused.class,
                () -> ScanInspector.inspect(ScanSamples.pdfWithCompressedJavaScript()));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("active content"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badUploadsAreRefused(String name, byte[] content, int status) {
        ScanInspector.Refused refused = assertThrows(ScanInspector.Refused.class, () -> ScanInspector.inspect(content));
        assertEquals(status, refused.status(), name + ": " + refused.getMessage());
    }
}
