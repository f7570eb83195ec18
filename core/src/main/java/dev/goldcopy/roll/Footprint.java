package dev.goldcopy.roll;

/**
 * What a store holds of the two image versions' groups at one instant, or the most it holds
 * during a batch.
 *
 * @param masters physical masters of both versions' groups, origins included
 * @param replicaBytes the bytes those masters take
 * @param clones the VMs' virtual copies
 * @param down VMs without a running disk
 */
public record Footprint(long masters, long replicaBytes, long clones, long down) {

  /**
   * Returns the larger of each field.
   *
   * @param other another footprint
   * @return the element-wise maximum
   */
  public Footprint max(Footprint other) {
    return new Footprint(
        Math.max(masters, other.masters),
        Math.max(replicaBytes, other.replicaBytes),
        Math.max(clones, other.clones),
        Math.max(down, other.down));
  }
}
