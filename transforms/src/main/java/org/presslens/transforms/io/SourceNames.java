package org.presslens.transforms.io;

import org.apache.beam.sdk.io.FileIO;

/** How reports name an input file: relative to the input folder, so they do not depend on where it lives. */
final class SourceNames {

  private SourceNames() {}

  static String of(FileIO.ReadableFile file, String root) {
    String absolute = file.getMetadata().resourceId().toString();
    return absolute.startsWith(root) ? absolute.substring(root.length()) : absolute;
  }
}
