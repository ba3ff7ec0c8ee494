/** A client of xenstored's wire protocol over its unix socket or /dev/xen/xenbus. */
module org.jxen.xenstore {
}
