package org.clinicflow.intake.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text out on Letter pages with PDFBox, entirely in memory: headings, wrapped paragraphs and
 * "label: value" lines, a new page when one is full. Text is set in Liberation Sans (shipped in
 * PDFBox's jar, embedded as a subset), which covers Latin, Greek and Cyrillic names; a character
 * the font lacks prints as "?" rather than failing the packet. Written by hand because PDFBox
 * has no layout engine; exercised by {@code FilingApiTest}, which parses what it writes.
 */
final class PdfPages implements AutoCloseable {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 54;
    private static final float BODY = 10;
    private static final float LEADING = 1.35f;

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfPages(String title) {
        try (InputStream ttf = PdfPages.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is missing from the class path");
            }
            font = PDType0Font.load(document, ttf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Clinic Flow");
    }

    void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void heading(String text) {
        space(6);
        write(text, 15);
        space(4);
    }

    void subheading(String text) {
        space(5);
        write(text, 12);
    }

    void paragraph(String text) {
        write(text, BODY);
    }

    void field(String label, String value) {
        write(label + ": " + (value == null || value.isBlank() ? "N/A" : value), BODY);
    }

    void space(float points) {
        y -= points;
    }

    byte[] finish() {
        try {
            if (content != null) {
                content.close();
                content = null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float size) {
        float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        for (String line : wrap(printable(text), size, width)) {
            if (content == null || y - size * LEADING < MARGIN) {
                newPage();
            }
            y -= size * LEADING;
            try {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Control characters become spaces; characters the font cannot draw become "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
