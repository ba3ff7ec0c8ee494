/** The service interface through which drivers other than {@code xen:///} plug into {@link org.jxen.Hypervisor#open}. */
package org.jxen.spi;
