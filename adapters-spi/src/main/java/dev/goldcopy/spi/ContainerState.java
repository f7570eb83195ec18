package dev.goldcopy.spi;

/** Where a container is in its life on the array. */
public enum ContainerState {
  /** Complete and usable; a ready master can be a source. */
  READY,
  /** Being made: a physical copy still moving bytes. Not yet usable as a source. */
  COPYING,
  /** The copy did not complete; the container holds no usable content and should be deleted. */
  FAILED
}
