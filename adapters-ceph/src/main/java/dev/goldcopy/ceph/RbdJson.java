package dev.goldcopy.ceph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldcopy.spi.TransientArrayException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON the {@code rbd} and {@code ceph} tools print with {@code --format json}. Fields
 * the adapter does not use are ignored, so newer Ceph releases that add fields still parse. Output
 * that is not the expected JSON fails with {@link TransientArrayException} naming the command.
 */
final class RbdJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RbdJson() {}

  /** A snapshot from {@code rbd snap ls --all}: its name and whether it sits in the trash. */
  record Snapshot(String name, boolean inTrash) {}

  /**
   * A pool's usage from {@code ceph df}: bytes stored, what can still be written, and the raw size
   * of the whole cluster.
   */
  record PoolUsage(long storedBytes, long maxAvailBytes, long clusterBytes) {}

  /**
   * A namespace's images from {@code rbd ls -l}, and the snapshots of each (the trashed ones are
   * not listed).
   */
  record Listing(List<RbdImage> images, Map<String, List<String>> snapshots) {
    Listing {
      images = List.copyOf(images);
      snapshots = Map.copyOf(snapshots);
    }

    /** Whether {@code image} has a snapshot named {@code snapshot}. */
    boolean hasSnapshot(String image, String snapshot) {
      return snapshots.getOrDefault(image, List.of()).contains(snapshot);
    }
  }

  /** Reads {@code rbd ls -l --format json}: the images, and their snapshots apart. */
  static Listing listing(String json) {
    if (json.isBlank()) {
      return new Listing(List.of(), Map.of());
    }
    JsonNode root = parse(json, "rbd ls -l");
    List<RbdImage> images = new ArrayList<>();
    Map<String, List<String>> snapshots = new LinkedHashMap<>();
    for (JsonNode entry : array(root, "rbd ls -l")) {
      String name = text(entry, "image", "rbd ls -l");
      if (entry.has("snapshot")) {
        snapshots
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(text(entry, "snapshot", "rbd ls -l"));
      } else {
        images.add(image(entry, name));
      }
    }
    return new Listing(images, snapshots);
  }

  /** Reads {@code rbd ls -l --format json}: the images, without the entries for their snapshots. */
  static List<RbdImage> images(String json) {
    return listing(json).images();
  }

  /** Reads {@code rbd info --format json} of an image. */
  static RbdImage info(String json) {
    JsonNode root = parse(json, "rbd info");
    return image(root, text(root, "name", "rbd info"));
  }

  /**
   * Reads {@code rbd image-meta list --format json}: key to value, in the tool's order. The tool
   * prints nothing at all for an image without metadata: that is an empty map.
   */
  static Map<String, String> metadata(String json) {
    if (json.isBlank()) {
      return Map.of();
    }
    JsonNode root = parse(json, "rbd image-meta list");
    if (!root.isObject()) {
      throw malformed("rbd image-meta list", "an object", json);
    }
    Map<String, String> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), field.getValue().asText());
    }
    return Collections.unmodifiableMap(map);
  }

  /** Reads {@code rbd snap ls --all --format json}. */
  static List<Snapshot> snapshots(String json) {
    if (json.isBlank()) {
      return List.of();
    }
    List<Snapshot> snapshots = new ArrayList<>();
    for (JsonNode entry : array(parse(json, "rbd snap ls"), "rbd snap ls")) {
      String type = entry.path("namespace").path("type").asText("user");
      snapshots.add(new Snapshot(text(entry, "name", "rbd snap ls"), type.equals("trash")));
    }
    return snapshots;
  }

  /** Reads {@code rbd children --format json}: the children's image names. */
  static List<String> children(String json) {
    if (json.isBlank()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (JsonNode entry : array(parse(json, "rbd children"), "rbd children")) {
      names.add(text(entry, "image", "rbd children"));
    }
    return names;
  }

  /** Reads {@code rbd status --format json}: the watchers' client addresses. */
  static List<String> watchers(String json) {
    JsonNode root = parse(json, "rbd status");
    List<String> addresses = new ArrayList<>();
    for (JsonNode watcher : root.path("watchers")) {
      addresses.add(text(watcher, "address", "rbd status"));
    }
    return addresses;
  }

  /** Reads {@code ceph df --format json} for one pool; empty if the pool is not listed. */
  static Optional<PoolUsage> poolUsage(String json, String pool) {
    JsonNode root = parse(json, "ceph df");
    for (JsonNode entry : root.path("pools")) {
      if (pool.equals(entry.path("name").asText())) {
        JsonNode stats = entry.path("stats");
        return Optional.of(
            new PoolUsage(
                number(stats, "stored", "ceph df"),
                number(stats, "max_avail", "ceph df"),
                number(root.path("stats"), "total_bytes", "ceph df")));
      }
    }
    return Optional.empty();
  }

  /** Reads {@code ceph osd pool get POOL size --format json}: how many copies the pool keeps. */
  static int poolSize(String json) {
    return (int) number(parse(json, "ceph osd pool get size"), "size", "ceph osd pool get size");
  }

  /** Reads {@code ceph osd pool get-quota --format json}: the byte quota, 0 for none. */
  static long quotaMaxBytes(String json) {
    return number(parse(json, "ceph osd pool get-quota"), "quota_max_bytes", "get-quota");
  }

  private static RbdImage image(JsonNode entry, String name) {
    String what = "image " + name;
    RbdImage.@Nullable Parent parent = null;
    JsonNode p = entry.path("parent");
    if (p.isObject()) {
      parent =
          new RbdImage.Parent(
              text(p, "pool", what),
              p.path("pool_namespace").asText(""),
              text(p, "image", what),
              text(p, "snapshot", what));
    }
    return new RbdImage(name, text(entry, "id", what), number(entry, "size", what), parent);
  }

  private static JsonNode parse(String json, String what) {
    try {
      return MAPPER.readTree(json.strip());
    } catch (JsonProcessingException e) {
      // The SPI's exceptions carry no cause; the message keeps the reason.
      throw malformed(what, "JSON (" + e.getOriginalMessage() + ")", json);
    }
  }

  private static Iterable<JsonNode> array(JsonNode node, String what) {
    if (!node.isArray()) {
      throw malformed(what, "an array", node.toString());
    }
    return node;
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode()) {
      throw malformed(what, "a field " + field, node.toString());
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw malformed(what, "a whole number " + field, node.toString());
    }
    return value.asLong();
  }

  private static TransientArrayException malformed(String what, String expected, String got) {
    String shown = got.length() > 200 ? got.substring(0, 200) + "..." : got;
    return new TransientArrayException(
        what + " printed something other than " + expected + ": " + shown);
  }
}
