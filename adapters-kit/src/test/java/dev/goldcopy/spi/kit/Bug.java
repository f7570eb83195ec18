package dev.goldcopy.spi.kit;

/** A vendor bug the kit's own tests plant in {@link ReferenceArray}, one at a time. */
enum Bug {
  /** Allows one virtual copy more than the per-source limit. */
  PER_SOURCE_OFF_BY_ONE,
  /** Answers a same-name create with the existing container whatever its source. */
  IDEMPOTENCY_IGNORES_SOURCE,
  /** Deletes a master that still has virtual copies. */
  DELETES_MASTER_WITH_CLONES,
  /** Never checks free capacity. */
  IGNORES_CAPACITY,
  /** Runs any number of physical copies at once, over the declared concurrency. */
  IGNORES_COPY_CONCURRENCY,
  /** Deletes the source of a physical copy in progress; the copy then fails. */
  DELETES_SOURCE_OF_RUNNING_COPY,
  /** Deleting a copy in progress never completes the stages waiting for it. */
  ABORT_LEAVES_WAITERS_HANGING,
  /** A failed copy disappears and its stage fails with a transient error. */
  FAILED_COPY_VANISHES,
  /** Checks the per-source limit, then makes the copy outside the lock (check-then-act). */
  CHECK_THEN_ACT_RACE,
  /** Does not store labels. */
  DROPS_LABELS,
  /** Keeps labels in the adapter object, not in the array: a restart loses them. */
  LABELS_IN_ADAPTER_MEMORY,
  /** A repeated create with other labels is answered with a conflict. */
  LATER_LABELS_CONFLICT,
  /** Never checks the array-wide container total. */
  IGNORES_CONTAINER_TOTAL,
  /** Reports no usage beside the array-wide maxima. */
  REPORTS_NO_USAGE,
  /** Counts a name's length in characters instead of bytes. */
  COUNTS_NAME_CHARACTERS,
  /** Keeps a deleted container's name in a trash, so the name is not free. */
  KEEPS_DELETED_NAMES,
  /** Lists the snapshot a virtual copy was cloned from. */
  LISTS_HELPER_SNAPSHOTS,
  /** Never removes the snapshot a virtual copy was cloned from. */
  LEAKS_HELPER_SNAPSHOTS,
  /** Copies another tenant's container. */
  COPIES_OTHER_TENANTS_CONTAINER,
  /** Throws array errors from the call instead of failing the stage. */
  THROWS_INSTEAD_OF_FAILING_THE_STAGE,
  /** Makes virtual copies although it declares that it cannot. */
  CLONES_WHEN_UNSUPPORTED,
  /** Chains virtual copies deeper than declared. */
  IGNORES_DEPTH,
  /** Tells names apart by case although it declares that the array ignores case. */
  CASE_SENSITIVE_NAMES,
  /** Reports the usage of the calling store only, not of the whole array. */
  USAGE_OF_OWN_STORE_ONLY
}
