package dev.goldcopy.examples.fleet;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.examples.real.RealBackend;
import dev.goldcopy.examples.real.RealOptions;
import dev.goldcopy.sim.VendorProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fleet demo's command-line options.
 *
 * @param vms how many VMs to provision
 * @param profile the simulated array's vendor profile
 * @param faultRate the rate of each injected fault kind, from 0 to 0.5
 * @param seed the simulation's seed
 * @param imageGib the golden image's size in GiB
 * @param help whether only the usage was asked for
 * @param real what to do on real storage instead of the simulated array, or null for the
 *     simulated array
 */
public record FleetOptions(
    int vms,
    VendorProfile profile,
    double faultRate,
    long seed,
    int imageGib,
    boolean help,
    @Nullable RealOptions real) {

  /** The default profile: 8 clones per snapshot tree, so 2,000 VMs need 250 masters. */
  public static final VendorProfile DEFAULT_PROFILE = VendorProfile.DELL_ME4_LARGE_POOLS;

  private static final List<String> SIMULATOR_OPTIONS =
      List.of("--profile", "--fault-rate", "--seed", "--image-gib");
  private static final List<String> REAL_OPTIONS =
      List.of("--per-source", "--image-mib", "--ceph-conf", "--ceph-keyring", "--ceph-id");
  private static final List<String> VALUED_OPTIONS =
      List.of(
          "--vms", "--profile", "--fault-rate", "--seed", "--image-gib", "--qcow2", "--ceph",
          "--per-source", "--image-mib", "--ceph-conf", "--ceph-keyring", "--ceph-id");

  /**
   * Checks the values.
   *
   * @throws NullPointerException if {@code profile} is null
   * @throws IllegalArgumentException naming the option if a value is out of range
   */
  public FleetOptions {
    requireNonNull(profile, "profile");
    if (vms < 1 || vms > 1_000_000) {
      throw new IllegalArgumentException("--vms must be from 1 to 1000000: " + vms);
    }
    if (!(faultRate >= 0 && faultRate <= 0.5)) {
      throw new IllegalArgumentException("--fault-rate must be from 0 to 0.5: " + faultRate);
    }
    if (imageGib < 1 || imageGib > 4096) {
      throw new IllegalArgumentException("--image-gib must be from 1 to 4096: " + imageGib);
    }
  }

  /**
   * Returns the usage text.
   *
   * @return the usage, one option a line
   */
  public static String usage() {
    String profiles = String.join(", ", VendorProfile.builtIns().keySet());
    return String.join(
        System.lineSeparator(),
        "usage: goldcopy-demo [--vms N] [--profile NAME] [--fault-rate R] [--seed S] [--image-gib G]",
        "       goldcopy-demo --qcow2 DIR [--vms N] [--per-source L] [--image-mib M] [--remove]",
        "       goldcopy-demo --ceph POOL [--ceph-conf FILE] [--ceph-keyring FILE] [--ceph-id USER]",
        "                     [--vms N] [--per-source L] [--image-mib M] [--remove]",
        "",
        "Plans and provisions a fleet of VMs from one golden image on a simulated array (the",
        "default), or in real time on a directory of qcow2 images or a Ceph RBD pool.",
        "",
        "  --vms N           VMs to provision, 1 to 1000000 (default 2000; 100 on real storage)",
        "  --profile NAME    vendor profile (default dell-me4-large-pools); one of:",
        "                    " + profiles,
        "  --fault-rate R    rate of each injected fault kind, 0 to 0.5 (default 0.05)",
        "  --seed S          simulation seed; same seed, same run (default 42)",
        "  --image-gib G     golden image size in GiB, 1 to 4096 (default 40)",
        "  --qcow2 DIR       provision on qcow2 images in DIR/goldcopy-demo (needs qemu-img)",
        "  --ceph POOL       provision in the RBD namespace goldcopy-demo of POOL (needs rbd, ceph)",
        "  --ceph-conf FILE  ceph.conf for --ceph (default: the Ceph tools' own)",
        "  --ceph-keyring F  keyring for --ceph (default: the Ceph tools' own)",
        "  --ceph-id USER    cephx user for --ceph, without 'client.' (default: admin)",
        "  --per-source L    clones per master to declare on real storage (default 25)",
        "  --image-mib M     size of the empty origin made when the store has none (default 256)",
        "  --remove          remove every clone and replica earlier demo runs made; the origin",
        "                    and anything the demo did not make stay",
        "  --help            this text");
  }

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException naming the option if an option is unknown, lacks its value,
   *     has a bad one, or does not apply to the chosen storage
   */
  public static FleetOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    boolean remove = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return new FleetOptions(2000, DEFAULT_PROFILE, 0.05, 42, 40, true, null);
      }
      if (option.equals("--remove")) {
        remove = true;
        continue;
      }
      if (!VALUED_OPTIONS.contains(option)) {
        throw new IllegalArgumentException("unknown option: " + option);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      if (values.put(option, args[++i]) != null) {
        throw new IllegalArgumentException(option + " is given twice");
      }
    }
    RealBackend backend = backend(values);
    if (backend == null) {
      rejectAll(values, REAL_OPTIONS, "only applies with --qcow2 or --ceph");
      if (remove) {
        throw new IllegalArgumentException("--remove only applies with --qcow2 or --ceph");
      }
      return new FleetOptions(
          intValue(values, "--vms", 2000),
          values.containsKey("--profile") ? profile(values.get("--profile")) : DEFAULT_PROFILE,
          doubleValue(values, "--fault-rate", 0.05),
          longValue(values, "--seed", 42),
          intValue(values, "--image-gib", 40),
          false,
          null);
    }
    rejectAll(values, SIMULATOR_OPTIONS, "only applies to the simulated array");
    RealOptions real =
        new RealOptions(
            backend,
            intValue(values, "--vms", RealOptions.DEFAULT_VMS),
            intValue(values, "--per-source", RealOptions.DEFAULT_PER_SOURCE),
            intValue(values, "--image-mib", RealOptions.DEFAULT_IMAGE_MIB),
            remove);
    return new FleetOptions(real.vms(), DEFAULT_PROFILE, 0, 42, 40, false, real);
  }

  private static @Nullable RealBackend backend(Map<String, String> values) {
    String dir = values.get("--qcow2");
    String pool = values.get("--ceph");
    if (dir != null && pool != null) {
      throw new IllegalArgumentException("--qcow2 and --ceph exclude each other");
    }
    if (pool == null) {
      rejectAll(values, List.of("--ceph-conf", "--ceph-keyring", "--ceph-id"), "needs --ceph");
    }
    if (dir != null) {
      return new RealBackend.Qcow2(Path.of(dir));
    }
    if (pool != null) {
      String conf = values.get("--ceph-conf");
      String keyring = values.get("--ceph-keyring");
      return new RealBackend.Ceph(
          pool,
          conf == null ? null : Path.of(conf),
          keyring == null ? null : Path.of(keyring),
          values.get("--ceph-id"));
    }
    return null;
  }

  private static void rejectAll(Map<String, String> values, List<String> options, String why) {
    for (String option : options) {
      if (values.containsKey(option)) {
        throw new IllegalArgumentException(option + " " + why);
      }
    }
  }

  private static VendorProfile profile(@Nullable String value) {
    requireNonNull(value, "value");
    VendorProfile profile = VendorProfile.builtIns().get(value.toLowerCase(Locale.ROOT));
    if (profile == null) {
      throw new IllegalArgumentException(
          "--profile: no vendor profile named '" + value + "'; one of "
              + String.join(", ", VendorProfile.builtIns().keySet()));
    }
    return profile;
  }

  private static int intValue(Map<String, String> values, String option, int fallback) {
    String value = values.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number: '" + value + "'", e);
    }
  }

  private static long longValue(Map<String, String> values, String option, long fallback) {
    String value = values.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number: '" + value + "'", e);
    }
  }

  private static double doubleValue(Map<String, String> values, String option, double fallback) {
    String value = values.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number: '" + value + "'", e);
    }
  }
}
