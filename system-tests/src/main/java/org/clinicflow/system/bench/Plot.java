package org.clinicflow.system.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the run over time as a PNG with two panels: throughput (registrations and SMS accepted
 * per second) and backlog (rows in outboxes and consumer lag, all services summed). Plain
 * Java2D, headless, so the report needs nothing beyond the JDK.
 */
final class Plot {

    private static final int WIDTH = 1000;
    private static final int PANEL = 260;
    private static final int MARGIN = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};

    private Plot() {
    }

    static void write(List<Probe.Sample> samples, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL + 3 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        double[] t = samples.stream().mapToDouble(Probe.Sample::second).toArray();
        Map<String, double[]> rates = new LinkedHashMap<>();
        rates.put("registered / s", perSecond(samples, true));
        rates.put("SMS accepted / s", perSecond(samples, false));
        Map<String, double[]> backlog = new LinkedHashMap<>();
        backlog.put("outbox rows", samples.stream().mapToDouble(s -> s.outbox().values().stream().mapToLong(Long::longValue).sum())
                .toArray());
        backlog.put("consumer lag", samples.stream()
                .mapToDouble(s -> s.lag().values().stream().mapToLong(v -> Math.max(0, v)).sum()).toArray());
        panel(g, "Throughput", t, rates, MARGIN);
        panel(g, "Backlog (records)", t, backlog, 2 * MARGIN + PANEL);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static double[] perSecond(List<Probe.Sample> samples, boolean registered) {
        double[] rate = new double[samples.size()];
        for (int i = 1; i < samples.size(); i++) {
            Probe.Sample a = samples.get(i - 1);
            Probe.Sample b = samples.get(i);
            double dt = Math.max(0.001, b.second() - a.second());
            rate[i] = ((registered ? b.registered() - a.registered() : b.smsAccepted() - a.smsAccepted())) / dt;
        }
        return rate;
    }

    private static void panel(Graphics2D g, String title, double[] t, Map<String, double[]> series, int top) {
        int left = MARGIN;
        int width = WIDTH - 2 * MARGIN;
        double maxT = t.length == 0 ? 1 : Math.max(1, t[t.length - 1]);
        double maxY = 1;
        for (double[] values : series.values()) {
            for (double v : values) {
                maxY = Math.max(maxY, v);
            }
        }
        maxY = niceCeiling(maxY);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, top - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 4; i++) {
            int y = top + PANEL - i * PANEL / 4;
            g.drawLine(left, y, left + width, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, width, PANEL);
        for (int i = 0; i <= 4; i++) {
            int y = top + PANEL - i * PANEL / 4;
            g.drawString(String.format("%.0f", maxY * i / 4), 5, y + 4);
            int x = left + i * width / 4;
            g.drawString(String.format("%.0f s", maxT * i / 4), x - 10, top + PANEL + 15);
        }
        int index = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            Color color = COLORS[index % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(1.6f));
            double[] values = entry.getValue();
            for (int i = 1; i < values.length && i < t.length; i++) {
                g.drawLine(x(t[i - 1], maxT, left, width), y(values[i - 1], maxY, top), x(t[i], maxT, left, width),
                        y(values[i], maxY, top));
            }
            g.fillRect(left + width - 180, top + 10 + index * 16, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), left + width - 165, top + 19 + index * 16);
            index++;
        }
    }

    private static int x(double t, double maxT, int left, int width) {
        return left + (int) Math.round(t / maxT * width);
    }

    private static int y(double v, double maxY, int top) {
        return top + PANEL - (int) Math.round(v / maxY * PANEL);
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
