/** The {@code jxen} command line. */
module org.jxen.cli {
    requires org.jxen;
    requires info.picocli;


    opens org.jxen.cli to info.picocli;
}
