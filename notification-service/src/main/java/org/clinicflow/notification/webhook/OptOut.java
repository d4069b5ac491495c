package org.clinicflow.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A phone number that replied STOP (or its equivalent): it gets nothing more until START. */
@Entity
@Table(name = "opt_out")
public class OptOut extends PanacheEntityBase {

    @Id
    public String phone;
    public Instant optedOutAt;

    public static boolean isOptedOut(String phone) {
        return phone != null && findById(phone) != null;
    }
}
