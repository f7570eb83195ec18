/**
 * The conformance kit for {@link dev.goldcopy.spi.ArrayAdapter} implementations: a vendor extends
 * {@link dev.goldcopy.spi.kit.ArrayAdapterConformanceKit} in its own tests.
 */
module dev.goldcopy.spi.kit {
  requires transitive dev.goldcopy.spi;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires static org.jspecify;

  exports dev.goldcopy.spi.kit;

  // JUnit reaches the kit's nested test classes reflectively when tests run on the module path.
  opens dev.goldcopy.spi.kit to
      org.junit.platform.commons;
}
