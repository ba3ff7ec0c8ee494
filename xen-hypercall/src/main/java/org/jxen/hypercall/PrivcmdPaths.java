package org.jxen.hypercall;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the privcmd driver's device nodes are.
 *
 * @param privcmd the hypercall device, normally /dev/xen/privcmd
 * @param legacyPrivcmd the xenfs fallback used when the first is absent, normally /proc/xen/privcmd
 * @param hypercallBuffers the buffer device, normally /dev/xen/hypercall; when absent, locked
 *     anonymous memory is used instead, as libxencall did before it existed
 */
public record PrivcmdPaths(Path privcmd, Path legacyPrivcmd, Path hypercallBuffers) {

    /** The Linux paths. */
    public static final PrivcmdPaths DEFAULT =
            new PrivcmdPaths(Path.of("/dev/xen/privcmd"), Path.of("/proc/xen/privcmd"), Path.of("/dev/xen/hypercall"));

    /**
     * Checks the paths.
     *
     * @param privcmd the hypercall device
     * @param legacyPrivcmd its fallback
     * @param hypercallBuffers the buffer device
     */
    public PrivcmdPaths {
        Objects.requireNonNull(privcmd, "privcmd");
        Objects.requireNonNull(legacyPrivcmd, "legacyPrivcmd");
        Objects.requireNonNull(hypercallBuffers, "hypercallBuffers");
    }
}
