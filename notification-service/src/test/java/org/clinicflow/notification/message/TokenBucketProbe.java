package org.clinicflow.notification.message;

import java.util.function.LongSupplier;

/** Opens {@link TokenBucket}'s clock-injecting constructor to tests in other packages. */
public final class TokenBucketProbe {

    private final TokenBucket bucket;

    public TokenBucketProbe(double rate, double burst, LongSupplier nanoClock) {
        this.bucket = new TokenBucket(rate, burst, nanoClock);
    }

    public boolean tryTake(int parts) {
        return bucket.tryTake(parts);
    }
}
