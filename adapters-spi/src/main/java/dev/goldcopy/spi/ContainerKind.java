package dev.goldcopy.spi;

/** What a container is to the array's copy engine. */
public enum ContainerKind {
  /**
   * A full, independent copy of a golden image: the origin made by the user, or a replica physically
   * copied from another master. A source of virtual copies.
   */
  PHYSICAL_MASTER,
  /** A linked clone or writable snapshot of a source, one per virtual machine. */
  VIRTUAL_COPY
}
