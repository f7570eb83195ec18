/**
 * A Goldcopy {@link dev.goldcopy.spi.ArrayAdapter} for a Ceph RBD pool: {@link
 * dev.goldcopy.ceph.CephRbdAdapter}. It drives the {@code rbd} and {@code ceph} command-line tools
 * with JSON output, so it needs the Ceph client packages on the machine and nothing native in the
 * JVM.
 */
module dev.goldcopy.ceph {
  requires transitive dev.goldcopy.spi;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  exports dev.goldcopy.ceph;
}
