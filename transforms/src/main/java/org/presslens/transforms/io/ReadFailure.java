package org.presslens.transforms.io;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/** The detail of an {@code unreadable} rejection, for a person: what went wrong and what was kept. */
final class ReadFailure {

  private ReadFailure() {}

  /**
   * @param keptBefore what of the file was read before the failure (a file of many documents
   *     keeps those before it), or "" when nothing of it is kept
   */
  static String detail(IOException e, String keptBefore) {
    // other failures keep the exception's class: an NIO exception's message is only the path
    String what = e instanceof EOFException || e instanceof ZipException
        ? "the compressed file ends early or is damaged (" + (e.getMessage() == null ? e.getClass().getSimpleName()
            : e.getMessage()) + "); it may be truncated or still being written"
        : e.toString();
    return keptBefore.isEmpty() ? what : what + "; " + keptBefore;
  }
}
