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
  LATENCY_SPIKE,
  /** A {@code capabilities} or {@code inventory} call fails with a transient error. */
  READ_FAULT,
  /**
   * The array restarted ({@link SimulatedArray#restart()}): the answers of calls in flight are
   * lost and every container being made is left FAILED.
   */
  RESTART,
  /** A container was deleted behind the caller's back ({@link SimulatedArray#deleteOutOfBand}). */
  OUT_OF_BAND_DELETE,
  /** Another tenant took a store's free capacity ({@link SimulatedArray#takeCapacity}). */
  CAPACITY_TAKEN
}
