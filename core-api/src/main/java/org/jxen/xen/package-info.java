/**
 * The Xen driver. Its one public entry point, {@link org.jxen.xen.XenDriver#builder()}, builds a
 * connection over protocol clients the caller opened; {@code xen:///} is opened through
 * {@link org.jxen.Hypervisor#open} by {@link org.jxen.xen.XenDriverProvider}. Everything else here
 * is package-private: each operation's backend order ({@code XenHypervisor}, {@code XenDomain}),
 * one backend per protocol mapping its errors to error codes, and the fallback rule
 * ({@code FallbackPolicy}).
 */
package org.jxen.xen;
