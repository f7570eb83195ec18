package dev.goldcopy.plan;

import dev.goldcopy.spi.NameRules;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the demand's clones through the policy's {@link NamingStrategy} and refuses two VM ids
 * whose names differ only by case or Unicode form, naming both. Names of plain lower-case ASCII
 * cannot meet another such name under folding, so only the others are remembered.
 */
final class CloneNames {
  private final NamingStrategy naming;
  private final Map<String, VmId> folded = new HashMap<>();

  CloneNames(NamingStrategy naming) {
    this.naming = naming;
  }

  /**
   * Returns {@code vm}'s clone name.
   *
   * @throws IllegalArgumentException naming the VM id if no safe name can be made, or naming both
   *     ids if two names collide
   */
  String of(VmId vm, NameRules rules) {
    if (naming == SafeNaming.INSTANCE && SafeNaming.isPlainLowerPermissive(vm.value(), rules)) {
      return vm.value(); // its own name, and plain
    }
    String name;
    try {
      name = naming.cloneName(vm, rules);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("demand.vms: " + e.getMessage(), e);
    }
    if (!isPlain(name)) {
      VmId other = folded.putIfAbsent(naming.collisionKey(name), vm);
      if (other != null) {
        throw collision(other, vm);
      }
    }
    return name;
  }

  /**
   * Checks the plain names against the others' folded keys, once every name is made: a second
   * pass over the demand, needed only when some name was not plain (usually none is).
   *
   * @throws IllegalArgumentException naming both ids of a collision
   */
  void checkPlain(Demand demand, NameRules rules) {
    if (folded.isEmpty()) {
      return;
    }
    for (VmId vm : demand.vms().keySet()) {
      String name = naming.cloneName(vm, rules);
      if (isPlain(name)) {
        VmId other = folded.get(name);
        if (other != null && !other.equals(vm)) {
          throw collision(other, vm);
        }
      }
    }
  }

  private static IllegalArgumentException collision(VmId a, VmId b) {
    return new IllegalArgumentException(
        "demand.vms: VM ids '" + a + "' and '" + b + "' name clones that differ only by case or"
            + " Unicode form; an array or a person could take one for the other");
  }

  private static boolean isPlain(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }
}
