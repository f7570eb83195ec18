package dev.goldcopy.spi.kit;

/** The rules of the SPI contract the kit checks, worded as the SPI's javadoc states them. */
final class Rule {
  private Rule() {}

  static final String LISTED =
      "a created container is listed by inventory() with its name, kind, content, group, source"
          + " and state; a deleted one is not";
  static final String LISTED_AT_ONCE =
      "a physical copy is listed at once, in state COPYING, and READY when its stage completes";
  static final String ONLY_WHAT_WAS_MADE =
      "inventory() lists the containers made through the SPI and by the user, and no helper object"
          + " (a snapshot a clone was made from, a deleted volume in a trash)";
  static final String NOTHING_LEAKED =
      "deleting what was made leaves the backend with as many objects as before (hidden ones too)";
  static final String LABELS =
      "labels given at creation are stored with the container and listed unchanged by inventory()";
  static final String LABELS_FIRST_WINS =
      "a repeated create (same name, kind, source) returns the existing container with its first"
          + " labels; other labels are not a conflict";
  static final String LABELS_DURABLE =
      "containers and their labels are kept by the array: a restarted adapter lists them unchanged";
  static final String IDEMPOTENT =
      "creating again with the same name, kind and source returns the existing container";
  static final String CONFLICT =
      "the same name with another source or kind fails with ConflictException and changes nothing";
  static final String NAME_FREED =
      "after a successful delete the name is free at once, even on an array with a trash";
  static final String DELETE_MISSING = "deleting a container that does not exist succeeds";
  static final String DEPENDENTS =
      "a container that is the source of a virtual copy cannot be deleted (ConflictException)";
  static final String RUNNING_SOURCE =
      "the source of a physical copy in progress cannot be deleted (ConflictException); the copy"
          + " ends READY";
  static final String ABORT =
      "deleting a COPYING container aborts the copy: it is gone, and the create's stage and every"
          + " same-name waiter complete with CopyAbortedException";
  static final String NOT_FOUND = "a copy of a missing source fails with ContainerNotFoundException";
  static final String PER_SOURCE =
      "the per-source limit holds exactly: the L-th virtual copy of a source succeeds, the next fails"
          + " with LimitReachedException(PER_SOURCE) and nothing is made";
  static final String ARRAY_TOTAL =
      "the array-wide virtual copy total holds exactly: LimitReachedException(ARRAY_TOTAL)";
  static final String CONTAINER_TOTAL =
      "the array-wide total of containers of every kind holds exactly, for both creates:"
          + " LimitReachedException(ARRAY_CONTAINERS)";
  static final String DEPTH =
      "virtual copies chain no deeper than declared: LimitReachedException(REPLICATION_DEPTH)";
  static final String UNSUPPORTED =
      "an array that declares no virtual copies refuses every one with"
          + " LimitReachedException(NOT_SUPPORTED)";
  static final String USAGE =
      "capabilities() reports the array's usage beside every array-wide maximum, and it follows"
          + " creates and deletes";
  static final String CAPACITY =
      "a create that does not fit the free capacity fails with InsufficientCapacityException and"
          + " leaves nothing half-made";
  static final String RESERVE =
      "a physical copy reserves what it costs (copyCosts) when it starts";
  static final String RACE =
      "limits hold exactly under concurrent callers on many threads";
  static final String BUSY =
      "no more copies run at once than declared; one over the limit fails with BusyException"
          + " (retryable) and makes nothing";
  static final String COPY_FAILED =
      "a physical copy that does not complete is listed FAILED, its stage fails with"
          + " CopyFailedException naming it, and it can be deleted";
  static final String TENANCY_STORE =
      "a call for a store the tenant does not own fails with AccessDeniedException and changes"
          + " nothing";
  static final String TENANCY_CONTAINER =
      "a container of another tenant is refused (AccessDeniedException) or hidden (not found; a"
          + " delete without effect), and is never changed";
  static final String NAME_RULES =
      "a name that breaks the declared name rules is refused at once with IllegalArgumentException";
  static final String MAX_NAME =
      "names of the declared maximum length in UTF-8 bytes work, twice (idempotently)";
  static final String NULLS = "null arguments are refused at once with NullPointerException";
  static final String LIFECYCLE =
      "the whole lifecycle, repeated, leaves the store as it found it";
  static final String ERRORS_IN_STAGE =
      "array errors complete the returned stage exceptionally; they are not thrown by the call";
}
