package org.clinicflow.document.scan;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decides whether uploaded bytes are a scan the clinic keeps: a PDF, JPEG or PNG judged by its
 * content (never the file name or the declared type), whole (not truncated), not too large or
 * long, and nothing else hiding in it: no archive, markup or script inside (polyglots), no PDF
 * active content (read with PDFBox: {@link PdfActiveContent}), no image whose pixel count
 * (from its header, before any decoding) would bomb a viewer.
 * Pure; each refusal names what is wrong. Tested by {@code ScanInspectorTest}.
 */
public final class ScanInspector {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_PAGES = 30;
    private static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] PNG_END = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    // Markers long enough not to turn up by chance in compressed image data.
    private static final String[] MARKUP = { "<script", "<html", "<?php", "<!doctype", "<iframe" };

    /** An accepted scan: its media type and page count. */
    public record Inspection(String mediaType, int pages) {
    }

    /** 422 Unprocessable Content: the right kind of file, but not one the clinic keeps. */
    static final int UNPROCESSABLE = 422;

    /** Why a scan is refused, and the HTTP status that says so. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(Response.Status status, String message) {
            this(status.getStatusCode(), message);
        }

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private ScanInspector() {
    }

    public static Inspection inspect(byte[] content) {
        if (content == null || content.length == 0) {
            throw new Refused(Response.Status.BAD_REQUEST, "the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the file is larger than 10 MB");
        }
        if (startsWith(content, ZIP)) {
            throw new Refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "archives are not accepted: upload a PDF, JPEG or PNG");
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        Inspection inspection;
        if (startsWith(content, PDF)) {
            inspection = pdf(content, text);
        } else if (startsWith(content, JPEG)) {
            inspection = jpeg(content);
        } else if (startsWith(content, PNG)) {
            inspection = png(content);
        } else {
            throw new Refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "only PDF, JPEG or PNG scans are accepted");
        }
        refusePolyglot(content, text, inspection.mediaType());
        return inspection;
    }

    private static Inspection pdf(byte[] content, String text) {
        String tail = text.substring(Math.max(0, text.length() - 1024));
        if (!tail.contains("%%EOF")) {
            throw new Refused(UNPROCESSABLE, "the PDF is truncated (no end-of-file marker)");
        }
        PdfActiveContent.Reading reading;
        try {
            reading = PdfActiveContent.read(content);
        } catch (java.io.IOException | RuntimeException e) {
            // Unreadable, damaged beyond repair, or more than a scan's worth of objects or memory.
            throw new Refused(UNPROCESSABLE, "the PDF cannot be read as a scan: save it again from the scanner and upload that");
        }
        if (reading.encrypted()) {
            throw new Refused(UNPROCESSABLE, "encrypted PDFs cannot be checked: upload an unprotected copy");
        }
        if (reading.active().isPresent()) {
            throw new Refused(UNPROCESSABLE, "the PDF contains active content (" + reading.active().get() + ")");
        }
        if (reading.pages() == 0) {
            throw new Refused(UNPROCESSABLE, "the PDF has no pages");
        }
        if (reading.pages() > MAX_PAGES) {
            throw new Refused(UNPROCESSABLE, "the PDF has " + reading.pages() + " pages; at most " + MAX_PAGES);
        }
        return new Inspection("application/pdf", reading.pages());
    }

    private static Inspection jpeg(byte[] content) {
        int end = content.length;
        while (end > 2 && content[end - 1] == 0) {
            end--; // some scanners pad with zeros after the end marker
        }
        if (content[end - 2] != (byte) 0xFF || content[end - 1] != (byte) 0xD9) {
            throw new Refused(UNPROCESSABLE, "the JPEG is truncated (no end-of-image marker)");
        }
        long[] size = jpegSize(content);
        if (size[0] <= 0 || size[1] <= 0 || size[0] * size[1] > MAX_PIXELS) {
            throw new Refused(UNPROCESSABLE, "the JPEG's size (" + size[0] + " x " + size[1] + ") is not a scan's");
        }
        return new Inspection("image/jpeg", 1);
    }

    /**
     * Width and height from the JPEG's frame header (a SOFn segment), found by walking the
     * segments from the start of the image, as a decoder would before allocating its pixels.
     */
    private static long[] jpegSize(byte[] content) {
        int at = 2;
        while (at + 4 <= content.length) {
            if (content[at] != (byte) 0xFF) {
                throw new Refused(UNPROCESSABLE, "the JPEG is damaged (no segment where one should start)");
            }
            int marker = content[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2; // markers without a length
                continue;
            }
            int length = ((content[at + 2] & 0xFF) << 8) | (content[at + 3] & 0xFF);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame && at + 9 <= content.length) {
                long height = ((content[at + 5] & 0xFFL) << 8) | (content[at + 6] & 0xFFL);
                long width = ((content[at + 7] & 0xFFL) << 8) | (content[at + 8] & 0xFFL);
                return new long[] { width, height };
            }
            if (marker == 0xDA || length < 2) {
                break; // the image data began without a frame header
            }
            at += 2 + length;
        }
        throw new Refused(UNPROCESSABLE, "the JPEG is damaged (no frame header)");
    }

    private static Inspection png(byte[] content) {
        if (content.length < 8 + 25 + PNG_END.length || !"IHDR".equals(new String(content, 12, 4, StandardCharsets.US_ASCII))) {
            throw new Refused(UNPROCESSABLE, "the PNG is damaged (no header chunk)");
        }
        long width = readInt(content, 16);
        long height = readInt(content, 20);
        if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
            throw new Refused(UNPROCESSABLE, "the PNG's size (" + width + " x " + height + ") is not a scan's");
        }
        if (!Arrays.equals(Arrays.copyOfRange(content, content.length - PNG_END.length, content.length), PNG_END)) {
            throw new Refused(UNPROCESSABLE, "the PNG is truncated (no end chunk)");
        }
        return new Inspection("image/png", 1);
    }

    /** A file that is also another format (a zip, a page, a script, a PDF inside an image) is refused. */
    private static void refusePolyglot(byte[] content, String text, String mediaType) {
        if (indexOf(content, ZIP, 1) >= 0) {
            throw new Refused(UNPROCESSABLE, "the file also contains an archive");
        }
        if (!mediaType.equals("application/pdf") && indexOf(content, PDF, 1) >= 0) {
            throw new Refused(UNPROCESSABLE, "the image also contains a PDF");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String markup : MARKUP) {
            if (lower.contains(markup)) {
                throw new Refused(UNPROCESSABLE, "the file also contains web content (" + markup + ")");
            }
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }

    private static int indexOf(byte[] content, byte[] needle, int from) {
        outer:
        for (int i = from; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long readInt(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
