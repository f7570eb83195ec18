package dev.goldcopy.spi;

/**
 * The content identity of a golden image: an image id plus a version or digest. Every member of a
 * replica group holds byte-identical content with one {@code ContentId}, and a virtual copy is
 * only ever made from a master of its image version.
 *
 * @param imageId the image, for example {@code win11-vdi}
 * @param version the version or content digest, for example {@code 2026.11} or {@code sha256:...}
 */
public record ContentId(String imageId, String version) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if either part is null
   * @throws IllegalArgumentException if either part is blank or malformed
   */
  public ContentId {
    Identifiers.check("imageId", imageId);
    Identifiers.check("version", version);
  }

  /**
   * Returns the content identity of {@code imageId} at {@code version}.
   *
   * @param imageId the image
   * @param version the version or digest
   * @return the content identity
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either is blank or malformed
   */
  public static ContentId of(String imageId, String version) {
    return new ContentId(imageId, version);
  }

  @Override
  public String toString() {
    return imageId + "@" + version;
  }
}
