package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the adapter keeps in an image's metadata ({@code rbd image-meta}) to know the image as a
 * container: its kind, content, group, source and clone depth, under the key {@value #KEY} as one
 * JSON object. The user's labels live under their own key {@value #LABELS_KEY}, and a physical copy
 * in progress carries {@value #COPY_KEY} until it is complete. Keys of other prefixes are the
 * operator's and are left alone.
 *
 * @param kind physical master or virtual copy
 * @param content the image and version
 * @param group the replica group of a master, null for a virtual copy
 * @param source the container id of the source, null for an origin
 * @param depth 0 for a master, the source's depth plus one for a virtual copy
 */
record ImageRecord(
    ContainerKind kind,
    ContentId content,
    @Nullable GroupId group,
    @Nullable String source,
    int depth) {

  /** The metadata key of the adapter's record. */
  static final String KEY = "goldcopy.container";

  /** The metadata key of the user's labels (a JSON object of strings). */
  static final String LABELS_KEY = "goldcopy.labels";

  /**
   * The metadata key present while a physical copy is being made: {@value #COPYING}, or {@code
   * failed: <reason>} once it has failed.
   */
  static final String COPY_KEY = "goldcopy.copy";

  /** The value of {@value #COPY_KEY} while the copy runs. */
  static final String COPYING = "copying";

  /** The prefix of {@value #COPY_KEY}'s value once the copy has failed. */
  static final String FAILED_PREFIX = "failed: ";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int FORMAT = 1;

  ImageRecord {
    requireNonNull(kind, "kind");
    requireNonNull(content, "content");
  }

  /** Returns the record as the JSON text stored under {@value #KEY}. */
  String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("format", FORMAT);
    node.put("kind", kind == ContainerKind.PHYSICAL_MASTER ? "master" : "virtual");
    node.put("image", content.imageId());
    node.put("version", content.version());
    if (group != null) {
      node.put("group", group.value());
    }
    if (source != null) {
      node.put("source", source);
    }
    node.put("depth", depth);
    return node.toString();
  }

  /**
   * Reads the record from an image's metadata; empty if the image has none (it is not the
   * adapter's) or the record cannot be read (it is not listed rather than misreported).
   */
  static Optional<ImageRecord> from(Map<String, String> metadata) {
    String json = metadata.get(KEY);
    if (json == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      ContainerKind kind =
          switch (node.path("kind").asText()) {
            case "master" -> ContainerKind.PHYSICAL_MASTER;
            case "virtual" -> ContainerKind.VIRTUAL_COPY;
            default -> null;
          };
      if (kind == null || !node.path("image").isTextual() || !node.path("version").isTextual()) {
        return Optional.empty();
      }
      JsonNode group = node.path("group");
      JsonNode source = node.path("source");
      return Optional.of(
          new ImageRecord(
              kind,
              ContentId.of(node.get("image").asText(), node.get("version").asText()),
              group.isTextual() ? GroupId.of(group.asText()) : null,
              source.isTextual() ? source.asText() : null,
              node.path("depth").asInt(0)));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns labels as the JSON text stored under {@value #LABELS_KEY}. */
  static String labelsToJson(Map<String, String> labels) {
    ObjectNode node = MAPPER.createObjectNode();
    new TreeMap<>(labels).forEach(node::put);
    return node.toString();
  }

  /** Reads the labels from an image's metadata; empty if there are none or they cannot be read. */
  static Map<String, String> labelsFrom(Map<String, String> metadata) {
    String json = metadata.get(LABELS_KEY);
    if (json == null) {
      return Map.of();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      Map<String, String> labels = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getValue().isTextual()) {
          labels.put(e.getKey(), e.getValue().asText());
        }
      }
      return labels;
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
