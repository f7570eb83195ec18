package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;

/**
 * What Goldcopy writes on the containers it makes, and how it tells its own from everyone else's.
 *
 * <p>Every container Goldcopy creates carries, set atomically at creation: {@value #MANAGED_BY}
 * = {@value #GOLDCOPY}, {@value #OWNER} = the policy's {@link OwnerId}, {@value #ROLE} = {@code
 * replica} or {@code clone}, {@value #GROUP} and {@value #CONTENT}, {@value #SOURCE} (the name of
 * the master it was copied from), and for a clone {@value #VM} and {@value #PERSISTENT}. Labels are
 * the only source of truth about ownership: any process can tell from the array alone what it may
 * change.
 *
 * <p>The planner and the executor create, retire and delete only containers of their own owner id
 * ({@link Kind#OWN}) or adopted on purpose ({@link Kind#ADOPTED}, see {@link Adoption}). Everything
 * else, the origin, administrators' snapshots, other owners' groups, unlabelled volumes, is never
 * changed or deleted, but is counted against every limit, total and capacity it uses.
 */
public final class Ownership {
  /** Label key: who manages the container; {@value #GOLDCOPY} for Goldcopy's. */
  public static final String MANAGED_BY = "goldcopy.dev/managed-by";
  /** The value of {@link #MANAGED_BY} on Goldcopy's containers. */
  public static final String GOLDCOPY = "goldcopy";
  /** Label key: the {@link OwnerId} that made it. */
  public static final String OWNER = "goldcopy.dev/owner";
  /** Label key: {@code replica} or {@code clone}. */
  public static final String ROLE = "goldcopy.dev/role";
  /** Label key: the replica group. */
  public static final String GROUP = "goldcopy.dev/group";
  /** Label key: the content, {@code image@version}. */
  public static final String CONTENT = "goldcopy.dev/content";
  /** Label key: the name of the master it was copied from (lineage). */
  public static final String SOURCE = "goldcopy.dev/source";
  /** Label key: the VM a clone serves. */
  public static final String VM = "goldcopy.dev/vm";
  /** Label key: {@code true} if the clone holds a persistent VM's disk. */
  public static final String PERSISTENT = "goldcopy.dev/persistent";

  /** Whose a container is, as its labels and the adoption rule say. */
  public enum Kind {
    /** Made by Goldcopy for this owner id: it may be retired or deleted. */
    OWN,
    /** Made by someone else, adopted on purpose by the policy's {@link Adoption}. */
    ADOPTED,
    /** Made by Goldcopy for another owner id: never touched. */
    OTHER_OWNER,
    /** Not made by Goldcopy (an origin, an administrator's volume, another tool's): never touched. */
    FOREIGN
  }

  private Ownership() {}

  /**
   * Returns the labels of a new replica.
   *
   * @param owner the owner id
   * @param group its group
   * @param content its content
   * @param sourceName the name of the master it is copied from
   * @return the labels
   */
  public static Labels replica(OwnerId owner, GroupId group, ContentId content, String sourceName) {
    return Labels.of(
        MANAGED_BY, GOLDCOPY,
        OWNER, owner.value(),
        ROLE, "replica",
        GROUP, group.value(),
        CONTENT, content.toString(),
        SOURCE, sourceName);
  }

  /**
   * Returns the labels of a new clone.
   *
   * @param owner the owner id
   * @param vm the VM it serves
   * @param content its content
   * @param sourceName the name of the master it is cloned from
   * @param persistent whether it holds a persistent VM's disk
   * @return the labels
   * @throws IllegalArgumentException if the VM id is too long for a label (255 UTF-8 bytes)
   */
  public static Labels clone(
      OwnerId owner, VmId vm, ContentId content, String sourceName, boolean persistent) {
    return Labels.of(
        MANAGED_BY, GOLDCOPY,
        OWNER, owner.value(),
        ROLE, "clone",
        VM, vm.value(),
        CONTENT, content.toString(),
        SOURCE, sourceName,
        PERSISTENT, Boolean.toString(persistent));
  }

  /**
   * Says whose {@code container} is.
   *
   * @param container a container from an inventory
   * @param owner this planner's owner id
   * @param adoption what the policy adopts
   * @return its kind
   */
  public static Kind classify(Container container, OwnerId owner, Adoption adoption) {
    requireNonNull(container, "container");
    Labels labels = container.labels();
    if (labels.has(MANAGED_BY, GOLDCOPY)) {
      return labels.has(OWNER, owner.value()) ? Kind.OWN : Kind.OTHER_OWNER;
    }
    return adoption.adopts(container) ? Kind.ADOPTED : Kind.FOREIGN;
  }

  /**
   * Returns whether {@code container} is a persistent VM's disk, as its labels say.
   *
   * @param container a clone
   * @return true if labelled persistent
   */
  public static boolean isPersistent(Container container) {
    return container.labels().has(PERSISTENT, "true");
  }
}
