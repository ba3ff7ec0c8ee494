/** A fake xend serving HTTP/1.1 and S-expressions on a real unix socket, backed by the simulated host. */
package org.jxen.testfixtures.xend;
