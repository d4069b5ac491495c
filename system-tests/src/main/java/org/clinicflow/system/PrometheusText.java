package org.clinicflow.system;

/**
 * Reads a sample's value from a line of the services' {@code /q/metrics}: the number right after
 * the name and label set. With OpenTelemetry on the classpath a counter's line may carry an
 * exemplar after it ({@code # {trace_id=...} 1.0 1764480000.123}), whose timestamp a reader
 * taking the line's last number mistook for the count.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static double value(String line) {
        int labelsEnd = line.indexOf('}');
        String rest = (labelsEnd >= 0 ? line.substring(labelsEnd + 1) : line.substring(line.indexOf(' '))).trim();
        int end = rest.indexOf(' ');
        return Double.parseDouble(end < 0 ? rest : rest.substring(0, end));
    }
}
