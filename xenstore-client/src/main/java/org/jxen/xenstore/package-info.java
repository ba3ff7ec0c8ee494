/**
 * The xenstore client: {@link org.jxen.xenstore.XenstoreClient} opens a connection to xenstored,
 * {@link org.jxen.xenstore.Xenstore} holds the node operations shared with
 * {@link org.jxen.xenstore.Transaction}, and every failure is a
 * {@link org.jxen.xenstore.XenstoreException}.
 */
package org.jxen.xenstore;
