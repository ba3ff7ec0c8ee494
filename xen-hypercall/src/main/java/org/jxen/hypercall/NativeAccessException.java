package org.jxen.hypercall;


/**
 * The JVM does not allow this module native access, so the real privcmd device cannot be used:
 * raised before the first downcall (never an {@code Error} from the JDK, and the same on every
 * attempt). The message and {@link #flag()} say how to allow it for the way this JVM was started.
 */
public final class NativeAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The JVM option or manifest attribute that allows native access. */
    private final String flag;

    /**
     * Creates the exception.
     *
     * @param flag what to add to the launch: a JVM option, or a manifest attribute
     * @param message what is wrong and how to fix it, naming {@code flag}
     */
    public NativeAccessException(String flag, String message) {
        super(message);
        this.flag = flag;
    }

    /**
     * Returns what allows native access for this launch, e.g.
     * {@code --enable-native-access=ALL-UNNAMED}, {@code --enable-native-access=org.jxen.hypercall}
     * or {@code Enable-Native-Access: ALL-UNNAMED} (an executable jar's manifest).
     *
     * @return the flag or attribute
     */
    public String flag() {
        return flag;
    }
}
