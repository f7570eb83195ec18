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
 */
public record DemandDto(List<Group> groups) {

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
    return new DemandDto(groups);
  }

  /**
   * Reads the demand back.
   *
   * @return the demand
   * @throws IllegalArgumentException if a VM is listed twice or an id is malformed
   */
  public Demand toDemand() {
    Demand.Builder b = Demand.builder();
    for (Group g : groups) {
      ContentId content = ContentId.of(g.imageId(), g.version());
      for (String vm : g.vms()) {
        b.add(VmId.of(vm), content);
      }
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
