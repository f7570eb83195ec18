package dev.goldcopy.ceph;

import dev.goldcopy.spi.ContainerId;
import java.util.Optional;

/**
 * The adapter's container ids: {@code <namespace>/<image name>#<RBD image id>}. The namespace
 * tells which store a container belongs to; the RBD id, new for every image, tells a container
 * from a later one that reuses its name.
 */
final class ContainerIds {

  /** A container id taken apart. */
  record Parts(String namespace, String name, String imageId) {}

  private ContainerIds() {}

  static ContainerId of(String namespace, String name, String imageId) {
    return ContainerId.of(namespace + "/" + name + "#" + imageId);
  }

  /** Takes an id apart; empty if it is not one of this adapter's ids. */
  static Optional<Parts> parse(ContainerId id) {
    String value = id.value();
    int slash = value.indexOf('/');
    int hash = value.lastIndexOf('#');
    if (slash <= 0 || hash <= slash + 1 || hash == value.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new Parts(
            value.substring(0, slash), value.substring(slash + 1, hash), value.substring(hash + 1)));
  }
}
