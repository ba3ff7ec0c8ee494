/**
 * The hypercall ABI as data: the struct layouts of privcmd_hypercall, xen_domctl and xen_sysctl
 * for every supported Xen release, their interface versions, and the few behaviours that differ
 * between releases. Exported only to {@code org.jxen.testfixtures}, whose fake privcmd device
 * decodes the structs with these same layouts; not an API.
 */
package org.jxen.hypercall.abi;
