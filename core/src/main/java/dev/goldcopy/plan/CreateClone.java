package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContentId;
import java.util.List;

/**
 * Make a VM's virtual copy (linked clone) from a master of its image version's replica group.
 *
 * @param id the step's identifier
 * @param name the virtual copy's deterministic name
 * @param vm the virtual machine it serves
 * @param masterName the name of the master to clone: an existing master, or one made by a step in
 *     {@link #dependsOn()}
 * @param content the image version the VM runs
 * @param dependsOn the steps that must finish first: the step making its master, if planned; the
 *     deletion of the VM's old clone (a failed clone or an older image version), if any; and the
 *     deletion that frees its slot when its master or the array's total is full until then
 * @param reason why the clone goes on this master
 */
public record CreateClone(
    String id,
    String name,
    VmId vm,
    String masterName,
    ContentId content,
    List<String> dependsOn,
    String reason)
    implements PlanStep {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public CreateClone {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(vm, "vm");
    requireNonNull(masterName, "masterName");
    requireNonNull(content, "content");
    requireNonNull(reason, "reason");
    dependsOn = List.copyOf(dependsOn);
  }
}
