/**
 * The {@code test:///} driver: {@link org.jxen.testdriver.TestDriverProvider} (the service),
 * {@link org.jxen.testdriver.HostFile} (JSON host files, read into the kit's builder) and
 * {@link org.jxen.testdriver.HostConnection} (a URI's connection, which owns its
 * {@link org.jxen.testing.SimulatedXen}).
 */
package org.jxen.testdriver;
