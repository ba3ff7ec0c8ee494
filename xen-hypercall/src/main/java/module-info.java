/**
 * Xen hypercalls from Java: /dev/xen/privcmd through the Foreign Function &amp; Memory API,
 * hypercall-safe buffers, and the domctl/sysctl/xen_version encodings per Xen interface version.
 *
 * <p>The API is {@code org.jxen.hypercall}. Two packages are exported only to the fake privcmd
 * device of {@code org.jxen.testfixtures}, so that it decodes the hypercall structs with the very
 * layouts this module encodes them with: {@code org.jxen.hypercall.abi} (the struct layouts and
 * interface versions of every supported Xen release) and {@code org.jxen.hypercall.spi} (the
 * leased-buffer pool every device implementation uses).
 */
// The qualified exports name a module compiled later in the build.
@SuppressWarnings("module")
module org.jxen.hypercall {
    exports org.jxen.hypercall;
    exports org.jxen.hypercall.abi to org.jxen.testfixtures;
    exports org.jxen.hypercall.spi to org.jxen.testfixtures;
}
