/**
 * A Goldcopy array adapter over a directory of qcow2 images: {@link
 * dev.goldcopy.qcow2.Qcow2FileStoreAdapter}. It drives {@code qemu-img} and needs nothing else at
 * run time.
 */
module dev.goldcopy.qcow2 {
  requires transitive dev.goldcopy.spi;
  requires static org.jspecify;

  exports dev.goldcopy.qcow2;
}
