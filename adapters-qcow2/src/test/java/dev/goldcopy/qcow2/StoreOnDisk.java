package dev.goldcopy.qcow2;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A store directory as read from the disk, without the adapter: every image file with the backing
 * file its qcow2 header names, every sidecar as a plain properties file, and what is left in the
 * adapter's temporary directory.
 *
 * @param images each image file's name and its backing file ("" for a standalone image)
 * @param sidecars each sidecar's name and its properties
 * @param temporaries the names of the files in {@code .goldcopy/tmp}
 * @param otherFiles files in the store directory that are not qcow2 images
 */
record StoreOnDisk(
    Map<String, String> images,
    Map<String, Properties> sidecars,
    List<String> temporaries,
    List<String> otherFiles) {

  static StoreOnDisk read(Path dir) throws IOException {
    Map<String, String> images = new TreeMap<>();
    List<String> other = new ArrayList<>();
    for (Path f : list(dir)) {
      String name = f.getFileName().toString();
      if (name.startsWith(".") || !Files.isRegularFile(f)) {
        continue;
      }
      Optional<Qcow2Header> header;
      try {
        header = Qcow2Header.read(f);
      } catch (NoSuchFileException e) {
        continue; // removed while the store is read (a run in progress)
      }
      if (header.isPresent()) {
        String backing = header.get().backingFile();
        images.put(name, backing == null ? "" : backing);
      } else {
        other.add(name);
      }
    }
    Map<String, Properties> sidecars = new TreeMap<>();
    for (Path f : list(dir.resolve(".goldcopy/meta"))) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (NoSuchFileException e) {
        continue; // renamed or removed while the store is read
      }
      sidecars.put(f.getFileName().toString(), p);
    }
    List<String> temporaries = new ArrayList<>();
    for (Path f : list(dir.resolve(".goldcopy/tmp"))) {
      temporaries.add(f.getFileName().toString());
    }
    return new StoreOnDisk(images, sidecars, temporaries, other);
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  /** The standalone images (masters). */
  List<String> masters() {
    return images.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
        .toList();
  }

  /** The overlays (virtual copies). */
  List<String> overlays() {
    return images.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
        .toList();
  }

  /** How many overlays name each master as their backing file. */
  Map<String, Integer> overlaysPerMaster() {
    Map<String, Integer> counts = new TreeMap<>();
    images.values().stream().filter(b -> !b.isEmpty()).forEach(b -> counts.merge(b, 1, Integer::sum));
    return counts;
  }

  /** The property {@code key} of the sidecar of {@code name}, or "" if either is missing. */
  String sidecar(String name, String key) {
    Properties p = sidecars.get(name);
    return p == null ? "" : p.getProperty(key, "");
  }

  /** The sidecars whose state is {@code state}. */
  List<String> inState(String state) {
    return sidecars.entrySet().stream()
        .filter(e -> state.equals(e.getValue().getProperty("goldcopy.state")))
        .map(Map.Entry::getKey)
        .toList();
  }
}
