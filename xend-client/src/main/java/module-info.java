/** A client of the legacy xend HTTP/S-expression interface (Xen 3.0 to 4.4). */
module org.jxen.xend {
}
