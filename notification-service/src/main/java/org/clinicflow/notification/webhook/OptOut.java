package org.clinicflow.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Which of these phones opted out, in one query (a dispatcher's claim). */
    public static Set<String> optedOutAmong(Collection<String> phones) {
        List<String> known = phones.stream().filter(Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return Set.of();
        }
        return OptOut.<OptOut>list("phone in ?1", known).stream().map(o -> o.phone)
                .collect(Collectors.toSet());
    }
}
