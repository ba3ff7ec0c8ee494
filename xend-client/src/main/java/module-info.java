/**
 * A client of the legacy xend HTTP/S-expression interface (Xen 3.0 to 4.4): the S-expression
 * reader and writer, and {@link org.jxen.xend.XendClient} for the vCPU operations. It knows
 * nothing of xenstore, hypercalls or jxen's vCPU API.
 */
module org.jxen.xend {
    exports org.jxen.xend;
}
