/**
 * A client of xenstored's wire protocol over its unix socket or /dev/xen/xenbus: node
 * operations, transactions and watches, multiplexed on one connection. Start at
 * {@link org.jxen.xenstore.XenstoreClient}.
 */
module org.jxen.xenstore {
    exports org.jxen.xenstore;
}
