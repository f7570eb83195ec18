package dev.goldcopy.examples.fleet;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.sim.VendorProfile;
import java.util.List;
import java.util.Locale;

/**
 * The fleet demo's command-line options.
 *
 * @param vms how many VMs to provision
 * @param profile the simulated array's vendor profile
 * @param faultRate the rate of each injected fault kind, from 0 to 0.5
 * @param seed the simulation's seed
 * @param imageGib the golden image's size in GiB
 * @param help whether only the usage was asked for
 * @param scenario {@code provision} (one store from one image), {@code roll} (a rolling update
 *     to the next version) or {@code fleet} (placement across 8 stores of 3 vendor profiles)
 */
public record FleetOptions(
    int vms, VendorProfile profile, double faultRate, long seed, int imageGib, boolean help,
    String scenario) {

  /** The scenarios {@code --scenario} takes. */
  public static final List<String> SCENARIOS = List.of("provision", "roll", "fleet");

  /** The default profile: 8 clones per snapshot tree, so 2,000 VMs need 250 masters. */
  public static final VendorProfile DEFAULT_PROFILE = VendorProfile.DELL_ME4_LARGE_POOLS;

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
    if (!SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException("--scenario: one of " + SCENARIOS + ": " + scenario);
    }
  }

  /**
   * Creates options for the {@code provision} scenario.
   *
   * @param vms how many VMs to provision
   * @param profile the simulated array's vendor profile
   * @param faultRate the rate of each injected fault kind, from 0 to 0.5
   * @param seed the simulation's seed
   * @param imageGib the golden image's size in GiB
   * @param help whether only the usage was asked for
   */
  public FleetOptions(
      int vms, VendorProfile profile, double faultRate, long seed, int imageGib, boolean help) {
    this(vms, profile, faultRate, seed, imageGib, help, "provision");
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
        "usage: goldcopy-demo [--scenario S] [--vms N] [--profile NAME] [--fault-rate R] [--seed S]"
            + " [--image-gib G]",
        "",
        "Plans and provisions a fleet of VMs from one golden image on a simulated array.",
        "",
        "  --scenario S    provision (default): one store from one image;",
        "                  roll: provision --vms on one version, then roll them to the next in",
        "                  bounded batches (no faults); fleet: place --vms (default 10000 here)",
        "                  across 8 stores of 3 vendor profiles, then provision each (no faults)",
        "  --vms N         VMs to provision, 1 to 1000000 (default 2000)",
        "  --profile NAME  vendor profile (default dell-me4-large-pools); one of:",
        "                  " + profiles,
        "  --fault-rate R  rate of each injected fault kind, 0 to 0.5 (default 0.05)",
        "  --seed S        simulation seed; same seed, same run (default 42)",
        "  --image-gib G   golden image size in GiB, 1 to 4096 (default 40)",
        "  --help          this text");
  }

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException naming the option if an option is unknown, lacks its value or
   *     has a bad one
   */
  public static FleetOptions parse(String... args) {
    int vms = 2000;
    VendorProfile profile = DEFAULT_PROFILE;
    double faultRate = 0.05;
    long seed = 42;
    int imageGib = 40;
    String scenario = "provision";
    boolean vmsGiven = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return new FleetOptions(vms, profile, faultRate, seed, imageGib, true, scenario);
      }
      if (!List.of("--vms", "--profile", "--fault-rate", "--seed", "--image-gib", "--scenario")
          .contains(option)) {
        throw new IllegalArgumentException("unknown option: " + option);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--vms" -> {
          vms = parseInt(option, value);
          vmsGiven = true;
        }
        case "--scenario" -> scenario = value;
        case "--profile" -> profile = parseProfile(value);
        case "--fault-rate" -> faultRate = parseDouble(option, value);
        case "--seed" -> seed = parseLong(option, value);
        case "--image-gib" -> imageGib = parseInt(option, value);
        default -> throw new IllegalArgumentException("unknown option: " + option);
      }
    }
    if (scenario.equals("fleet") && !vmsGiven) {
      vms = 10_000;
    }
    return new FleetOptions(vms, profile, faultRate, seed, imageGib, false, scenario);
  }

  private static VendorProfile parseProfile(String value) {
    VendorProfile profile = VendorProfile.builtIns().get(value.toLowerCase(Locale.ROOT));
    if (profile == null) {
      throw new IllegalArgumentException(
          "--profile: no vendor profile named '" + value + "'; one of "
              + String.join(", ", VendorProfile.builtIns().keySet()));
    }
    return profile;
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number: '" + value + "'", e);
    }
  }

  private static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number: '" + value + "'", e);
    }
  }

  private static double parseDouble(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number: '" + value + "'", e);
    }
  }
}
