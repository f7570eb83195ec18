package dev.goldcopy.examples.real;

import static java.util.Objects.requireNonNull;

/**
 * What the demo does on real storage.
 *
 * @param backend where it runs
 * @param vms how many VMs to provision (or, with {@code remove}, ignored)
 * @param perSource the clone limit per master declared for the store, from 1 to 10,000; a real
 *     backend has no such limit of its own (Ceph) or a much larger one (qcow2 chains), so the demo
 *     declares a small one to make several masters
 * @param imageMib the size of the empty origin the demo makes when the store has none, in MiB
 * @param remove whether to remove what earlier demo runs made (every clone and replica of the
 *     demo's owner; the origin stays) instead of provisioning
 */
public record RealOptions(
    RealBackend backend, int vms, int perSource, int imageMib, boolean remove) {

  /** VMs the demo provisions on real storage unless {@code --vms} says otherwise. */
  public static final int DEFAULT_VMS = 100;

  /** The declared clone limit per master unless {@code --per-source} says otherwise. */
  public static final int DEFAULT_PER_SOURCE = 25;

  /** The size of a new empty origin unless {@code --image-mib} says otherwise. */
  public static final int DEFAULT_IMAGE_MIB = 256;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the option if a value is out of range
   */
  public RealOptions {
    requireNonNull(backend, "backend");
    if (vms < 1 || vms > 100_000) {
      throw new IllegalArgumentException("--vms must be from 1 to 100000 on real storage: " + vms);
    }
    if (perSource < 1 || perSource > 10_000) {
      throw new IllegalArgumentException("--per-source must be from 1 to 10000: " + perSource);
    }
    if (imageMib < 1 || imageMib > 1 << 20) {
      throw new IllegalArgumentException("--image-mib must be from 1 to 1048576: " + imageMib);
    }
  }
}
