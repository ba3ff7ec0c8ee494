/**
 * Xen hypercalls from Java: /dev/xen/privcmd through the Foreign Function &amp; Memory API,
 * hypercall-safe buffers, and the domctl/sysctl/xen_version encodings per Xen interface version.
 */
module org.jxen.hypercall {
}
