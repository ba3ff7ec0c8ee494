/**
 * What an implementation of {@link org.jxen.hypercall.PrivcmdDevice} shares: the pool of leased
 * hypercall buffers. Exported only to {@code org.jxen.testfixtures}, whose fake device leases and
 * resolves its buffers exactly as the real one does; not an API.
 */
package org.jxen.hypercall.spi;
