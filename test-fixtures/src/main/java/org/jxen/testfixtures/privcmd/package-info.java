/** A fake /dev/xen/privcmd that decodes the raw hypercall structs as Xen does and answers from the simulated host. */
package org.jxen.testfixtures.privcmd;
