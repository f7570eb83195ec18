/**
 * A simulated storage array on virtual time, with real vendors' published limits and injectable
 * faults: an {@link dev.goldcopy.spi.ArrayAdapter} for tests, examples and benchmarks.
 */
module dev.goldcopy.sim {
  requires transitive dev.goldcopy.spi;
  requires static transitive org.jspecify;

  exports dev.goldcopy.sim;
}
