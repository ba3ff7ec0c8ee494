/**
 * A simulated Xen host and fakes that speak the real formats: a privcmd device that decodes the
 * raw hypercall structs as Xen does, and a xenstored and a xend that listen on real unix sockets.
 */
module org.jxen.testfixtures {
    requires transitive org.jxen.hypercall;
    requires org.jxen.xenstore;
    requires org.jxen.xend;

    exports org.jxen.testfixtures.host;
    exports org.jxen.testfixtures.privcmd;
    exports org.jxen.testfixtures.xenstored;
    exports org.jxen.testfixtures.xend;
}
