/**
 * Test support for engineers unit-testing their planning logic on Goldcopy: {@link
 * dev.goldcopy.test.TestStore}, a simulated store that plans and provisions on virtual time in
 * one call; builders for hand-made inventories and capabilities; {@link
 * dev.goldcopy.test.SimulatedStoreExtension}, a JUnit Jupiter extension with one seed per test;
 * {@link dev.goldcopy.test.GoldcopyAssertions}, AssertJ assertions on plans and runs; and {@link
 * dev.goldcopy.test.GoldenFiles}. Meant for test scope.
 */
module dev.goldcopy.test {
  requires transitive dev.goldcopy.core;
  requires transitive dev.goldcopy.sim;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports dev.goldcopy.test;
}
