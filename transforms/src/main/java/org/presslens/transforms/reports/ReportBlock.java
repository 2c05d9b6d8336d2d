package org.presslens.transforms.reports;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * A block of report rows in final order, with the key that places the block within the report
 * file. Reports travel as one block per document or scope rather than one element per row.
 */
@DefaultCoder(ReportBlockCoder.class)
public record ReportBlock(String sortKey, List<List<String>> rows) implements Serializable {}
