package org.presslens.pipeline;

/** An invalid option or input path: reported as one line and exit code 2, before any work. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
