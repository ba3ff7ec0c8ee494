/** A fake xenstored listening on a real unix socket, backed by the simulated host's xenstore tree. */
package org.jxen.testfixtures.xenstored;
