package org.jxen.hypercall;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A hypercall, or opening the privcmd device, failed: says which operation, for which domain and
 * vCPU where relevant, and the errno that Xen or the kernel returned.
 */
public final class HypercallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Passed for the domain or vCPU when the operation has none. */
    public static final int NONE = -1;

    /** What failed. */
    private final Operation operation;
    /** The domain id, or {@link #NONE}. */
    private final int domain;
    /** The vCPU number, or {@link #NONE}. */
    private final int vcpu;
    /** The errno number. */
    private final int errno;

    /**
     * Creates the exception.
     *
     * @param operation what failed
     * @param domain the domain id, or {@link #NONE}
     * @param vcpu the vCPU number, or {@link #NONE}
     * @param errno the errno number
     * @param detail what else to say, or null
     */
    public HypercallException(Operation operation, int domain, int vcpu, int errno, String detail) {
        super(message(operation, domain, vcpu, errno, detail));
        this.operation = operation;
        this.domain = domain;
        this.vcpu = vcpu;
        this.errno = errno;
    }

    private static String message(Operation operation, int domain, int vcpu, int errno, String detail) {
        StringBuilder s = new StringBuilder(operation.label()).append(" failed");
        if (domain != NONE) {
            s.append(" for domain ").append(domain);
            if (vcpu != NONE) {
                s.append(" vCPU ").append(vcpu);
            }
        }
        s.append(": ").append(Errno.nameOf(errno)).append(" (errno ").append(errno).append(')');
        if (detail != null) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    /**
     * Returns what failed.
     *
     * @return the operation
     */
    public Operation operation() {
        return operation;
    }

    /**
     * Returns the domain the operation was for.
     *
     * @return the domain id, or empty when the operation has none
     */
    public OptionalInt domain() {
        return domain == NONE ? OptionalInt.empty() : OptionalInt.of(domain);
    }

    /**
     * Returns the vCPU the operation was for.
     *
     * @return the vCPU number, or empty when the operation has none
     */
    public OptionalInt vcpu() {
        return vcpu == NONE ? OptionalInt.empty() : OptionalInt.of(vcpu);
    }

    /**
     * Returns the errno, for code that decides by it ({@code switch (e.errno().orElse(null))}).
     *
     * @return the constant, e.g. {@link Errno#ESRCH}; empty for a number jxen does not know
     */
    public Optional<Errno> errno() {
        return Errno.of(errno);
    }

    /**
     * Returns the errno as the kernel or Xen gave it.
     *
     * @return the number, e.g. 3
     */
    public int errnoNumber() {
        return errno;
    }

    /**
     * Returns the errno's symbolic name.
     *
     * @return e.g. "ESRCH"
     */
    public String errnoName() {
        return Errno.nameOf(errno);
    }
}
