package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One RBD image as {@code rbd ls -l} or {@code rbd info} reports it.
 *
 * @param name the image's name in its namespace
 * @param id RBD's id for the image; kept across renames, new for every image made
 * @param sizeBytes the provisioned size
 * @param parent the snapshot it was cloned from, while it is a clone (until flattened)
 */
record RbdImage(String name, String id, long sizeBytes, @Nullable Parent parent) {

  RbdImage {
    requireNonNull(name, "name");
    requireNonNull(id, "id");
  }

  /**
   * The parent of a clone.
   *
   * @param pool the parent's pool
   * @param namespace the parent's namespace, empty for the pool's default namespace
   * @param image the parent image's name
   * @param snapshot the snapshot's name (a trash snapshot has a generated name)
   */
  record Parent(String pool, String namespace, String image, String snapshot) {
    Parent {
      requireNonNull(pool, "pool");
      requireNonNull(namespace, "namespace");
      requireNonNull(image, "image");
      requireNonNull(snapshot, "snapshot");
    }
  }
}
