package dev.goldcopy.ceph;

import dev.goldcopy.spi.StoreRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The real cluster the integration tests run on: the directory given by the environment variable
 * {@value #DIR_VARIABLE} (or the system property {@code goldcopy.ceph.dir}), as {@code
 * scripts/ceph-cluster up DIR} leaves it.
 */
final class CephCluster {

  static final String DIR_VARIABLE = "GOLDCOPY_CEPH_DIR";

  static final String SKIPPED =
      "Ceph tests skipped: set " + DIR_VARIABLE + " after scripts/ceph-cluster up DIR";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  private CephCluster() {}

  /** The cluster's directory, if one is configured. */
  static Optional<Path> dir() {
    String dir = System.getenv(DIR_VARIABLE);
    if (dir == null || dir.isBlank()) {
      dir = System.getProperty("goldcopy.ceph.dir");
    }
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  static Path require() {
    return dir().orElseThrow(() -> new IllegalStateException(SKIPPED));
  }

  /** A builder for an adapter on the test cluster's pool {@code rbd}. */
  static CephRbdAdapterBuilder adapter() {
    Path dir = require();
    return CephRbdAdapter.builder()
        .pool("rbd")
        .conf(dir.resolve("ceph.conf"))
        .keyring(dir.resolve("keyring"));
  }

  /** A store with a namespace no other test uses. */
  static StoreRef freshStore(String tenant) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return StoreRef.of(tenant, "t" + HexFormat.of().formatHex(bytes));
  }

  /** Runs the rbd tool on the test cluster directly, as an operator would; returns stdout. */
  static String rbd(String... args) {
    return run("rbd", args);
  }

  /** Runs the ceph tool on the test cluster directly; returns stdout. */
  static String ceph(String... args) {
    return run("ceph", args);
  }

  /** Removes a namespace and anything left in it, for the end of a test: clones first. */
  static void dropNamespace(String namespace) {
    String spec = "rbd/" + namespace;
    try {
      JsonNode listing = JSON.readTree(rbd("ls", "-l", "--format", "json", spec));
      List<String> clones = new ArrayList<>();
      Set<String> others = new LinkedHashSet<>();
      for (JsonNode entry : listing) {
        String image = entry.get("image").asText();
        if (entry.has("parent")) {
          clones.add(image);
        } else {
          others.add(image);
        }
      }
      for (String image : clones) {
        runQuietly("rbd", "rm", "--no-progress", spec + "/" + image);
      }
      for (String image : others) {
        runQuietly("rbd", "snap", "purge", "--no-progress", spec + "/" + image);
        runQuietly("rbd", "rm", "--no-progress", spec + "/" + image);
      }
      runQuietly("rbd", "namespace", "rm", spec);
    } catch (IllegalStateException | IOException e) {
      // The namespace was never made.
    }
  }

  private static void runQuietly(String tool, String... args) {
    try {
      run(tool, args);
    } catch (IllegalStateException e) {
      // Best effort.
    }
  }

  private static String run(String tool, String... args) {
    Path dir = require();
    List<String> line = new ArrayList<>(List.of(tool, "-c", dir.resolve("ceph.conf").toString(),
        "-k", dir.resolve("keyring").toString()));
    line.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("goldcopy-test", ".out");
      Path err = Files.createTempFile("goldcopy-test", ".err");
      try {
        Process p =
            new ProcessBuilder(line)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", line) + " timed out");
        }
        if (p.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", line) + " exited " + p.exitValue() + ": "
                  + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + tool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
