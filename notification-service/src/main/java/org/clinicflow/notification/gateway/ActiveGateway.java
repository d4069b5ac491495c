package org.clinicflow.notification.gateway;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the SMS provider by {@code clinic.notification.gateway}: {@code dev} (the local stack) or {@code twilio}. */
public class ActiveGateway {

    @Produces
    @Singleton
    SmsGateway gateway(@ConfigProperty(name = "clinic.notification.gateway") String name, DevGateway dev, TwilioGateway twilio) {
        return switch (name) {
            case "dev" -> dev;
            case "twilio" -> twilio;
            default -> throw new IllegalStateException("clinic.notification.gateway must be dev or twilio, not " + name);
        };
    }
}
