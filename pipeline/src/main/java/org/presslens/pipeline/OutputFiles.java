package org.presslens.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/** Creates files in the output folder through Beam's filesystems (local or remote alike). */
final class OutputFiles {

  private OutputFiles() {}

  static OutputStream create(String directory, String fileName) throws IOException {
    ResourceId file = FileSystems.matchNewResource(directory, true)
        .resolve(fileName, StandardResolveOptions.RESOLVE_FILE);
    return Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT));
  }
}
