package dev.goldcopy.qcow2;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the adapter knows of one container beyond its image file, kept in a sidecar file in the
 * store's {@code .goldcopy/meta} directory: kind, state, content, group, source, labels and the
 * token that makes the container's id unique among all containers that ever had its name.
 *
 * <p>The sidecar is a {@link Properties} file in UTF-8. The adapter's own keys start with {@value
 * #OWN}; each label {@code k} is stored under {@value #LABEL}{@code k}, so a label can never be read
 * as one of the adapter's keys.
 *
 * @param name the container's name, also its image's file name
 * @param token a random token chosen at creation; part of the container's id
 * @param kind physical master or virtual copy
 * @param state ready, copying or failed
 * @param content the image and version
 * @param group the replica group of a master; {@code null} for a virtual copy
 * @param source the container it was copied from; {@code null} for an origin
 * @param sizeBytes the logical size
 * @param depth 0 for a master, 1 + the source's depth for a virtual copy
 * @param failure why a failed copy failed; {@code null} otherwise
 * @param labels the labels, sorted and immutable
 */
record ContainerRecord(
    String name,
    String token,
    ContainerKind kind,
    ContainerState state,
    ContentId content,
    @Nullable GroupId group,
    @Nullable ContainerId source,
    long sizeBytes,
    int depth,
    @Nullable String failure,
    Map<String, String> labels) {

  /** The format this class writes; a sidecar of another format is not read. */
  static final String FORMAT = "1";

  /** The prefix of the adapter's own keys. */
  static final String OWN = "goldcopy.";

  /** The prefix of label keys. */
  static final String LABEL = "label.";

  /**
   * Checks the fields and takes an immutable copy of the labels.
   *
   * @throws NullPointerException if a required field is null
   */
  ContainerRecord {
    requireNonNull(name, "name");
    requireNonNull(token, "token");
    requireNonNull(kind, "kind");
    requireNonNull(state, "state");
    requireNonNull(content, "content");
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /**
   * Returns this record in another state.
   *
   * @param newState the state
   * @param newSize the logical size
   * @param why the failure message, or {@code null}
   * @return the new record
   */
  ContainerRecord with(ContainerState newState, long newSize, @Nullable String why) {
    return new ContainerRecord(
        name, token, kind, newState, content, group, source, newSize, depth, why, labels);
  }

  /**
   * Encodes the record as the sidecar's bytes.
   *
   * @return UTF-8 bytes of a properties file
   */
  byte[] encode() {
    Properties p = new Properties();
    p.setProperty(OWN + "format", FORMAT);
    p.setProperty(OWN + "name", name);
    p.setProperty(OWN + "token", token);
    p.setProperty(OWN + "kind", kind.name());
    p.setProperty(OWN + "state", state.name());
    p.setProperty(OWN + "content.image", content.imageId());
    p.setProperty(OWN + "content.version", content.version());
    if (group != null) {
      p.setProperty(OWN + "group", group.value());
    }
    if (source != null) {
      p.setProperty(OWN + "source", source.value());
    }
    p.setProperty(OWN + "size", Long.toString(sizeBytes));
    p.setProperty(OWN + "depth", Integer.toString(depth));
    if (failure != null) {
      p.setProperty(OWN + "failure", failure);
    }
    labels.forEach((k, v) -> p.setProperty(LABEL + k, v));
    StringWriter out = new StringWriter();
    try {
      p.store(out, "Goldcopy container record; written by the adapter, do not edit");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes a sidecar.
   *
   * @param bytes the sidecar's content
   * @return the record
   * @throws IllegalArgumentException if the content is not a record of this format
   */
  static ContainerRecord decode(byte[] bytes) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a container record: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(p.getProperty(OWN + "format"))) {
      throw new IllegalArgumentException(
          "not a container record of format " + FORMAT + ": " + p.getProperty(OWN + "format"));
    }
    Map<String, String> labels = new TreeMap<>();
    for (Map.Entry<Object, Object> e : p.entrySet()) {
      String key = (String) e.getKey();
      if (key.startsWith(LABEL)) {
        labels.put(key.substring(LABEL.length()), (String) e.getValue());
      }
    }
    String group = p.getProperty(OWN + "group");
    String source = p.getProperty(OWN + "source");
    return new ContainerRecord(
        required(p, "name"),
        required(p, "token"),
        ContainerKind.valueOf(required(p, "kind")),
        ContainerState.valueOf(required(p, "state")),
        ContentId.of(required(p, "content.image"), required(p, "content.version")),
        group == null ? null : GroupId.of(group),
        source == null ? null : ContainerId.of(source),
        Long.parseLong(required(p, "size")),
        Integer.parseInt(required(p, "depth")),
        p.getProperty(OWN + "failure"),
        labels);
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(OWN + key);
    if (value == null) {
      throw new IllegalArgumentException("container record: missing " + OWN + key);
    }
    return value;
  }
}
