/** JMH benchmarks of jxen's hot paths, against the fakes of test-fixtures. Run with {@code scripts/bench}. */
package org.jxen.benchmarks;
