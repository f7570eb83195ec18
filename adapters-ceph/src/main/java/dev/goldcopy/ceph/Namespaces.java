package dev.goldcopy.ceph;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.StoreRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which RBD namespace holds which store, and the default name of a store's namespace. */
final class Namespaces {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern UNSAFE_CHAR = Pattern.compile("[^A-Za-z0-9_.-]");

  private final Map<StoreRef, String> byStore;

  Namespaces(Map<StoreRef, String> byStore) {
    this.byStore = Map.copyOf(byStore);
  }

  /** The namespace of a store the adapter serves. */
  Optional<String> of(StoreRef store) {
    return Optional.ofNullable(byStore.get(store));
  }

  /**
   * The namespace of a store the adapter serves.
   *
   * @throws AccessDeniedException if the adapter does not serve the store for that tenant
   */
  String require(StoreRef store) {
    String ns = byStore.get(store);
    if (ns == null) {
      throw new AccessDeniedException(
          "store " + store + " is not served by this adapter (no namespace is configured for it)");
    }
    return ns;
  }

  /**
   * The parts of {@code source}'s id, checked to name a container in {@code ns}, the namespace of
   * {@code store}.
   *
   * @throws ContainerNotFoundException if no container of the adapter can have that id
   * @throws AccessDeniedException if the container is in another store
   */
  ContainerIds.Parts sourceIn(StoreRef store, String ns, ContainerId source) {
    ContainerIds.Parts id =
        ContainerIds.parse(source)
            .orElseThrow(() -> new ContainerNotFoundException("no container has id " + source));
    refuseForeign(store, ns, id);
    return id;
  }

  /**
   * Refuses a container of another store than {@code store}, whose namespace is {@code ns}.
   *
   * @throws AccessDeniedException if {@code id} is in another namespace
   */
  void refuseForeign(StoreRef store, String ns, ContainerIds.Parts id) {
    if (!id.namespace().equals(ns)) {
      throw new AccessDeniedException(
          "container " + id.name() + " is not in store " + store + " (namespace " + ns + ")");
    }
  }

  /** Every namespace served. */
  java.util.Collection<String> all() {
    return byStore.values();
  }

  /**
   * The default namespace of a store: {@code <tenant>.<store>} if that is made of letters, digits,
   * '_', '.' and '-' and at most 64 characters; otherwise those characters kept, the rest replaced
   * by '_', cut to 55 characters and followed by '-' and 8 hex digits of a hash of the store, so
   * that two stores never share a namespace.
   */
  static String defaultFor(StoreRef store) {
    String plain = store.tenant().value() + "." + store.store().value();
    if (SAFE.matcher(plain).matches()) {
      return plain;
    }
    String safe = UNSAFE_CHAR.matcher(plain).replaceAll("_");
    if (safe.length() > 55) {
      safe = safe.substring(0, 55);
    }
    return safe + "-" + hash(store.tenant().value() + "/" + store.store().value());
  }

  /** Whether a namespace name is one the adapter accepts in configuration. */
  static boolean isValid(String namespace) {
    return SAFE.matcher(namespace).matches();
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
