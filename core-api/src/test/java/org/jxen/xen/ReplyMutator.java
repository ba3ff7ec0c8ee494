package org.jxen.xen;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mutates a peer's replies with a seeded {@link Random}: flips bits, truncates, duplicates a slice
 * or inserts random bytes, so that a run can be replayed from its seed. Thread-safe.
 */
final class ReplyMutator {

    private final Random random;
    private final double rate;
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong mutated = new AtomicLong();

    /**
     * @param seed the seed of the run
     * @param rate the share of replies mutated, 0 to 1; the others pass unchanged so that calls of
     *     several round trips get past their first reply
     */
    ReplyMutator(long seed, double rate) {
        this.random = new Random(seed);
        this.rate = rate;
    }

    /** The reply, mutated or not. */
    synchronized byte[] mutate(byte[] reply) {
        replies.incrementAndGet();
        if (reply.length == 0 || random.nextDouble() >= rate) {
            return reply;
        }
        mutated.incrementAndGet();
        int at = random.nextInt(reply.length);
        return switch (random.nextInt(4)) {
            case 0 -> flip(reply);
            case 1 -> Arrays.copyOf(reply, at);
            case 2 -> splice(reply, at, Arrays.copyOfRange(reply, at, at + 1 + random.nextInt(reply.length - at)));
            default -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                yield splice(reply, at, noise);
            }
        };
    }

    private byte[] flip(byte[] reply) {
        byte[] out = reply.clone();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static byte[] splice(byte[] reply, int at, byte[] inserted) {
        byte[] out = new byte[reply.length + inserted.length];
        System.arraycopy(reply, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(reply, at, out, at + inserted.length, reply.length - at);
        return out;
    }

    long replies() {
        return replies.get();
    }

    long mutated() {
        return mutated.get();
    }
}
