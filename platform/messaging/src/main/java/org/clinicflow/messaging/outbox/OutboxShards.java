package org.clinicflow.messaging.outbox;

/**
 * Maps a record key to one of a fixed number of outbox shards. One relay at a time drains a
 * shard, oldest row first, which keeps one applicant's events in order even when several
 * replicas relay at once. The count is fixed: rows already written keep their shard.
 */
public final class OutboxShards {

    public static final int COUNT = 32;

    private OutboxShards() {
    }

    /** String.hashCode is specified by the JLS, so every replica and version agrees. */
    public static int of(String key) {
        return Math.floorMod(key.hashCode(), COUNT);
    }
}
