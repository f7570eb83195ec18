package dev.goldcopy.qcow2;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a qcow2 image's header that the adapter needs, read straight from the file (the
 * format is big-endian; see QEMU's {@code docs/interop/qcow2.txt}): the logical size and the
 * backing file. Reading a header costs one or two small reads, where {@code qemu-img info} costs a
 * process per file.
 *
 * @param version the format version, 2 or 3
 * @param sizeBytes the logical (virtual) size of the disk
 * @param backingFile the backing file as stored in the image (relative to the image's directory
 *     unless absolute), or {@code null} for a standalone image
 */
record Qcow2Header(int version, long sizeBytes, @Nullable String backingFile) {

  /** The first four bytes of every qcow2 image: {@code QFI\xfb}. */
  static final int MAGIC = 0x514649fb;

  /** The bytes of the fixed header fields this reader looks at. */
  private static final int FIXED_BYTES = 32;

  /** QEMU refuses backing file names longer than this. */
  private static final int MAX_BACKING_NAME_BYTES = 1023;

  private static final int MIN_CLUSTER_BITS = 9;
  private static final int MAX_CLUSTER_BITS = 21;

  /**
   * Reads the header of {@code file}.
   *
   * @param file a file that may or may not be a qcow2 image
   * @return the header, or empty if the file is not a qcow2 image (too short, another magic, an
   *     unknown version, or fields that point outside the file)
   * @throws IOException if the file cannot be read
   */
  static Optional<Qcow2Header> read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(channel);
    }
  }

  /**
   * Reads the header from an open channel.
   *
   * @param channel a readable channel positioned anywhere; positional reads are used
   * @return the header, or empty if the content is not a qcow2 image
   * @throws IOException if the channel cannot be read
   */
  static Optional<Qcow2Header> read(FileChannel channel) throws IOException {
    long fileSize = channel.size();
    if (fileSize < FIXED_BYTES) {
      return Optional.empty();
    }
    ByteBuffer fixed = readFully(channel, 0, FIXED_BYTES);
    if (fixed.getInt(0) != MAGIC) {
      return Optional.empty();
    }
    int version = fixed.getInt(4);
    long backingOffset = fixed.getLong(8);
    long backingLength = Integer.toUnsignedLong(fixed.getInt(16));
    int clusterBits = fixed.getInt(20);
    long size = fixed.getLong(24);
    if ((version != 2 && version != 3)
        || clusterBits < MIN_CLUSTER_BITS
        || clusterBits > MAX_CLUSTER_BITS
        || size < 0) {
      return Optional.empty();
    }
    if (backingOffset == 0) {
      return Optional.of(new Qcow2Header(version, size, null));
    }
    // QEMU keeps the name within the first cluster; anything else is not an image it would open.
    long clusterSize = 1L << clusterBits;
    if (backingLength == 0
        || backingLength > MAX_BACKING_NAME_BYTES
        || backingOffset < FIXED_BYTES
        || backingOffset + backingLength > clusterSize
        || backingOffset + backingLength > fileSize) {
      return Optional.empty();
    }
    ByteBuffer name = readFully(channel, backingOffset, (int) backingLength);
    try {
      String backing =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(name)
              .toString();
      return Optional.of(new Qcow2Header(version, size, backing));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns whether the image has a backing file (is an overlay).
   *
   * @return true for an overlay
   */
  boolean hasBackingFile() {
    return backingFile != null;
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new EOFException("qcow2 header: unexpected end of file at byte " + at);
      }
      at += n;
    }
    buffer.flip();
    return buffer;
  }
}
