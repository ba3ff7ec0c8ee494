/** The simulated Xen host that every fake is backed by: domains, vCPUs, pCPUs and the xenstore tree. */
package org.jxen.testfixtures.host;
