package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A store's demand on the wire: the VMs grouped by image version, so that each version is written
 * once.
 *
 * @param groups one entry per image version, sorted by image and version
 * @param recreatable the VMs whose disks may be made again (not persistent), sorted
 * @param recompose the VMs to make again from their image now, sorted
 */
public record DemandDto(List<Group> groups, List<String> recreatable, List<String> recompose) {

  /**
   * The VMs that run one image version.
   *
   * @param imageId the image
   * @param version its version
   * @param vms the VM ids, sorted
   */
  public record Group(String imageId, String version, List<String> vms) {
    /**
     * Checks the fields and takes an immutable copy.
     *
     * @throws NullPointerException if a field is null
     */
    public Group {
      requireNonNull(imageId, "imageId");
      requireNonNull(version, "version");
      vms = List.copyOf(vms);
    }
  }

  /**
   * Checks the field and takes an immutable copy.
   *
   * @throws NullPointerException if {@code groups} is null
   */
  public DemandDto {
    groups = List.copyOf(groups);
    recreatable = List.copyOf(recreatable);
    recompose = List.copyOf(recompose);
  }

  /**
   * Returns a demand of persistent VMs, none to recompose.
   *
   * @param groups the VMs by image version
   */
  public DemandDto(List<Group> groups) {
    this(groups, List.of(), List.of());
  }

  /**
   * Writes a demand.
   *
   * @param demand the demand
   * @return its wire form
   */
  public static DemandDto of(Demand demand) {
    Map<ContentId, List<String>> byContent =
        new TreeMap<>(
            (a, b) -> {
              int c = a.imageId().compareTo(b.imageId());
              return c != 0 ? c : a.version().compareTo(b.version());
            });
    demand.vms().forEach((vm, content) ->
        byContent.computeIfAbsent(content, k -> new ArrayList<>()).add(vm.value()));
    List<Group> groups = new ArrayList<>(byContent.size());
    byContent.forEach((c, vms) -> groups.add(new Group(c.imageId(), c.version(), vms)));
    List<String> recreatable = new ArrayList<>();
    demand.recreatable().forEach(vm -> recreatable.add(vm.value()));
    List<String> recompose = new ArrayList<>();
    demand.recompose().forEach(vm -> recompose.add(vm.value()));
    recreatable.sort(null);
    recompose.sort(null);
    return new DemandDto(groups, recreatable, recompose);
  }

  /**
   * Reads the demand back.
   *
   * @return the demand
   * @throws IllegalArgumentException if a VM is listed twice or an id is malformed
   */
  public Demand toDemand() {
    java.util.Set<String> mayRecreate = new java.util.HashSet<>(recreatable);
    Demand.Builder b = Demand.builder();
    for (Group g : groups) {
      ContentId content = ContentId.of(g.imageId(), g.version());
      for (String vm : g.vms()) {
        if (mayRecreate.contains(vm)) {
          b.addRecreatable(VmId.of(vm), content);
        } else {
          b.add(VmId.of(vm), content);
        }
      }
    }
    for (String vm : recompose) {
      b.recompose(VmId.of(vm));
    }
    return b.build();
  }

  /**
   * Counts the VMs.
   *
   * @return how many VMs the demand lists
   */
  public int size() {
    int n = 0;
    for (Group g : groups) {
      n += g.vms().size();
    }
    return n;
  }
}
