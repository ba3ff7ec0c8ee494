/**
 * The {@code test:///} driver: {@link org.jxen.testdriver.TestDriverProvider} (the service),
 * {@link org.jxen.testdriver.HostFile} (JSON host files) and {@link org.jxen.testdriver.EmbeddedHost}
 * (the fakes under the real driver).
 */
package org.jxen.testdriver;
