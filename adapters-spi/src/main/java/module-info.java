/**
 * The storage vendor's side of Goldcopy: the {@link dev.goldcopy.spi.ArrayAdapter} a vendor
 * implements for its array's copy engine, the values it exchanges and the errors it throws.
 *
 * <p>This module depends on nothing but JSpecify's annotations, so a vendor adapter carries no
 * other library along.
 */
module dev.goldcopy.spi {
  requires static transitive org.jspecify;

  exports dev.goldcopy.spi;
}
