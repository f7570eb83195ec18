package dev.goldcopy.plan;

import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.NameRules;

/**
 * Maps the caller's identifiers to the names Goldcopy gives containers on the array: a VM's clone,
 * and a replica of a group by its ordinal. Identifiers are data from users; names are what the
 * array stores, under its {@link NameRules}. A strategy must be deterministic (the same id gives
 * the same name in every process, so a retried or resumed create finds what the first made) and
 * must never map two ids the caller keeps apart to names the array, or a person, could confuse.
 *
 * <p>The default, {@link #safe()}, refuses what cannot be made safe rather than mangling it (two
 * mangled ids could meet on one name): see {@link SafeNaming}.
 */
public interface NamingStrategy {

  /**
   * Returns the name of the clone that serves {@code vm}.
   *
   * @param vm the VM
   * @param rules the array's name rules
   * @return the clone's name, allowed by {@code rules}
   * @throws IllegalArgumentException naming the VM id if no safe name can be made from it
   */
  String cloneName(VmId vm, NameRules rules);

  /**
   * Returns the name of replica number {@code ordinal} of {@code group}.
   *
   * @param group the replica group
   * @param ordinal the replica's ordinal, from 1
   * @param rules the array's name rules
   * @return the replica's name, allowed by {@code rules}
   * @throws IllegalArgumentException naming the group id if no safe name can be made from it
   */
  String replicaName(GroupId group, int ordinal, NameRules rules);

  /**
   * Returns the key under which two names count as the same for a person or an array that ignores
   * case or Unicode form: names with equal keys must not both be given.
   *
   * @param name a name this strategy made
   * @return its comparison key
   */
  default String collisionKey(String name) {
    return SafeNaming.foldedKey(name);
  }

  /**
   * Returns the default strategy: NFC, characters the array allows, no path separators, control,
   * format (bidi) or space characters, no silent truncation.
   *
   * @return the safe strategy
   */
  static NamingStrategy safe() {
    return SafeNaming.INSTANCE;
  }
}
