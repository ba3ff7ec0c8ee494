package org.jxen;

/** The Xen interfaces jxen talks to; an error names the one that failed. */
public enum Backend {
    /** Hypercalls through /dev/xen/privcmd (domctl, sysctl, xen_version). */
    HYPERCALL,
    /** The xenstored daemon, through its unix socket or /dev/xen/xenbus. */
    XENSTORE,
    /** The legacy xend daemon's HTTP/S-expression interface (Xen 3.0 to 4.4). */
    XEND
}
