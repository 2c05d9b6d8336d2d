package org.presslens.transforms.boilerplate;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/** For one outlet: how many documents it has, and in how many of them each candidate line occurs. */
@DefaultCoder(SerializableCoder.class)
public final class LineCounts implements Serializable {

  private long documents;
  private final HashMap<String, Integer> lines = new HashMap<>();

  public void addDocument(Set<String> candidateLines) {
    documents++;
    candidateLines.forEach(line -> lines.merge(line, 1, Integer::sum));
  }

  public void addAll(LineCounts other) {
    documents += other.documents;
    other.lines.forEach((line, n) -> lines.merge(line, n, Integer::sum));
  }

  public long documents() {
    return documents;
  }

  public Map<String, Integer> lines() {
    return lines;
  }
}
