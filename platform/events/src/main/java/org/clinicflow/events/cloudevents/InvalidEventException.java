package org.clinicflow.events.cloudevents;

/**
 * An event that cannot be understood: missing CloudEvents attributes or a body that does not
 * fit its contract. Retrying cannot fix it, so consumers send it straight to the dead-letter
 * topic. Messages never quote the body, which may hold personal data.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
