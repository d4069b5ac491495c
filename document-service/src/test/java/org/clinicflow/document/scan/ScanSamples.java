package org.clinicflow.document.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real scans (PNG and JPEG written by ImageIO, a minimal valid PDF) and the bad uploads the clinic must refuse. */
final class ScanSamples {

    private ScanSamples() {
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] pdf(int pages) {
        StringBuilder kids = new StringBuilder();
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(3 + i).append(" 0 R ");
            objects.append(3 + i).append(" 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n");
        }
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [" + kids
                + "] /Count " + pages + " >> endobj\n" + objects + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] pdfWith(String extra) {
        String pdf = new String(pdf(1), StandardCharsets.ISO_8859_1).replace("trailer", extra + "\ntrailer");
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A PDF written by PDFBox whose document opens with a JavaScript action, packed in a
     * compressed object stream: the raw bytes never spell "JavaScript".
     */
    static byte[] pdfWithCompressedJavaScript() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.getDocumentCatalog().setOpenAction(
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('scan')"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain one-page PDF written by PDFBox, compressed the same way: what a scanner app produces. */
    static byte[] pdfFromALibrary() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] truncated(byte[] content) {
        return Arrays.copyOf(content, content.length - 20);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static byte[] zip() {
        return concat(new byte[] { 'P', 'K', 3, 4 }, "payload".getBytes(StandardCharsets.US_ASCII));
    }

    /** A PNG whose header claims 100,000 x 100,000 pixels: a decompression bomb for any viewer. */
    static byte[] pngBomb() {
        byte[] png = png();
        byte[] bomb = Arrays.copyOf(png, png.length);
        int[] huge = { 0, 1, (byte) 0x86, (byte) 0xA0 }; // 100000
        for (int i = 0; i < 4; i++) {
            bomb[16 + i] = (byte) huge[i];
            bomb[20 + i] = (byte) huge[i];
        }
        return bomb;
    }

    /** A real JPEG whose frame header claims 60,000 x 60,000 pixels (3.6 gigapixels to decode). */
    static byte[] jpegBomb() {
        byte[] jpeg = jpeg();
        byte[] bomb = Arrays.copyOf(jpeg, jpeg.length);
        for (int i = 0; i + 9 < bomb.length; i++) {
            if (bomb[i] == (byte) 0xFF && (bomb[i + 1] == (byte) 0xC0 || bomb[i + 1] == (byte) 0xC2)) {
                byte[] huge = { (byte) 0xEA, (byte) 0x60 }; // 60000
                bomb[i + 5] = huge[0];
                bomb[i + 6] = huge[1];
                bomb[i + 7] = huge[0];
                bomb[i + 8] = huge[1];
                return bomb;
            }
        }
        throw new IllegalStateException("the sample JPEG has no baseline or progressive frame header");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 80; y++) {
                image.setRGB(x, y, (x * 2) << 16 | (y * 3) << 8 | (x + y));
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
