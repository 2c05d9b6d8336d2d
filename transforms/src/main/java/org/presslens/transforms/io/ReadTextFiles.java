package org.presslens.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.presslens.transforms.Spread;
import org.presslens.transforms.model.RejectedInput;
import org.presslens.transforms.model.SourceDocument;

/**
 * Reads the document files under a folder (recursively; see {@link CorpusFiles}) through Beam's
 * {@link FileIO}, so any Beam filesystem works, spread over the workers before they are read, decoding each with {@link TextDecoder}, reading web
 * pages and markup with {@link HtmlText}, and attaching doc_id, outlet and metadata with an
 * {@link OutletResolver}. Files that cannot become a document go to {@link CorpusTags#REJECTED}.
 */
public final class ReadTextFiles extends PTransform<PBegin, PCollectionTuple> {

  private final String root;
  private final OutletResolver resolver;
  private final List<Path> files;
  private final long maxBytes;
  private final HtmlText html;

  private ReadTextFiles(String root, OutletResolver resolver, List<Path> files, long maxBytes, HtmlText html) {
    this.root = root.endsWith("/") ? root : root + "/";
    this.resolver = resolver;
    this.files = files;
    this.maxBytes = maxBytes;
    this.html = html;
  }

  /**
   * Reads every .txt file the filesystem matches below the root.
   *
   * @param root the input folder, as an absolute path or a Beam filesystem URI
   */
  public static ReadTextFiles from(String root, Manifest manifest) {
    return new ReadTextFiles(root, new OutletResolver(manifest), null, Long.MAX_VALUE, HtmlText.of(HtmlText.Mode.AUTO));
  }

  /** Reads the given local files (see {@link CorpusFiles}) instead of matching a pattern. */
  public ReadTextFiles files(List<Path> localFiles) {
    return new ReadTextFiles(root, resolver, List.copyOf(localFiles), maxBytes, html);
  }

  /** Files above this size are rejected as {@code too-large} without being read. */
  public ReadTextFiles maxBytes(long limit) {
    return new ReadTextFiles(root, resolver, files, limit, html);
  }

  /** Which {@code .txt} files are read as HTML ({@code .html} and {@code .htm} files always are; default {@link HtmlText.Mode#AUTO}). */
  public ReadTextFiles html(HtmlText.Mode mode) {
    return new ReadTextFiles(root, resolver, files, maxBytes, HtmlText.of(mode));
  }

  /** The glob matching every file below the root, in any sub-folder; those that are not {@linkplain CorpusFiles#isDocument documents} are left out. */
  public String filePattern() {
    return root + "**";
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollection<MatchResult.Metadata> matched = files == null
        ? begin.apply("MatchFiles", FileIO.match().filepattern(filePattern()).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
            .apply("DocumentFiles", Filter.by(file -> CorpusFiles.isDocument(file.resourceId().getFilename())))
        : begin.apply("ListedFiles", Create.of(metadata(files)).withCoder(MetadataCoderV2.of()));
    // Spread before reading, so that decoding and reading markup run on every core.
    return matched
        .apply("SpreadFiles", Spread.byName((MatchResult.Metadata file) -> file.resourceId().toString(),
            Spread.bucketsAcrossCores()))
        .apply("ReadMatches", FileIO.readMatches())
        .apply("ToDocument", ParDo.of(new ToDocumentFn(root, resolver, maxBytes, html))
            .withOutputTags(CorpusTags.DOCUMENTS, TupleTagList.of(CorpusTags.REJECTED)));
  }

  private static List<MatchResult.Metadata> metadata(List<Path> files) {
    List<MatchResult.Metadata> all = new ArrayList<>();
    for (Path file : files) {
      all.add(MatchResult.Metadata.builder()
          .setResourceId(FileSystems.matchNewResource(file.toString(), false))
          .setSizeBytes(file.toFile().length())
          .setIsReadSeekEfficient(true)
          .setLastModifiedMillis(file.toFile().lastModified())
          .build());
    }
    return all;
  }

  static final class ToDocumentFn extends DoFn<FileIO.ReadableFile, SourceDocument> {
    private final String root;
    private final OutletResolver resolver;
    private final long maxBytes;
    private final HtmlText html;

    ToDocumentFn(String root, OutletResolver resolver, long maxBytes, HtmlText html) {
      this.root = root;
      this.resolver = resolver;
      this.maxBytes = maxBytes;
      this.html = html;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String path = SourceNames.of(file, root);
      long size = file.getMetadata().sizeBytes();
      if (size > maxBytes) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(path, "", RejectedInput.Reason.TOO_LARGE,
            String.format("file has %,d bytes; the limit is %,d (--maxDocumentMB)", size, maxBytes)));
        return;
      }
      byte[] bytes;
      try (InputStream in = Channels.newInputStream(file.open())) {
        // A compressed file is read up to the limit only: a small .gz can expand to gigabytes.
        bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16) + 1);
      } catch (IOException e) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(path, "", RejectedInput.Reason.UNREADABLE,
            ReadFailure.detail(e, "")));
        return;
      }
      if (bytes.length > maxBytes) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(path, "", RejectedInput.Reason.TOO_LARGE,
            String.format("file decompresses to more than %,d bytes, the limit (--maxDocumentMB)", maxBytes)));
        return;
      }
      TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
      if (!decoded.ok()) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(path, "", decoded.failure(), decoded.detail()));
        return;
      }
      String text = decoded.text();
      if (text.isBlank()) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(path, "", RejectedInput.Reason.EMPTY,
            bytes.length == 0 ? "file is empty" : "file holds only white space"));
        return;
      }
      HtmlText.Read read = html.read(text, CorpusFiles.isHtml(path));
      if (!read.ok()) {
        out.get(CorpusTags.REJECTED).output(RejectedInput.of(path, "", RejectedInput.Reason.NO_ARTICLE, read.problem()));
        return;
      }
      OutletResolver.Resolved meta = resolver.resolve(path, read.metadata());
      out.get(CorpusTags.DOCUMENTS).output(new SourceDocument(
          meta.docId(), meta.outlet(), meta.published(), meta.title(), meta.author(), path, decoded.charset(), read.text()));
    }
  }
}
