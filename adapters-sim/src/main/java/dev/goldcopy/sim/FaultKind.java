package dev.goldcopy.sim;

/** The kinds of fault a {@link FaultPlan} injects into a {@link SimulatedArray}. */
public enum FaultKind {
  /**
   * A create or delete is refused with {@link dev.goldcopy.spi.BusyException} before the array does
   * anything.
   */
  TRANSIENT_BUSY,
  /**
   * The array does the work but the answer is lost: the caller's stage fails with {@link
   * dev.goldcopy.spi.TransientArrayException}.
   */
  LOST_RESPONSE,
  /**
   * A physical copy stops part way: the container is left in state {@link
   * dev.goldcopy.spi.ContainerState#FAILED} and the stage fails with {@link
   * dev.goldcopy.spi.CopyFailedException}.
   */
  INCOMPLETE_COPY,
  /** The answer to a create or delete arrives {@link FaultPlan#latencySpike()} late. */
  LATENCY_SPIKE
}
