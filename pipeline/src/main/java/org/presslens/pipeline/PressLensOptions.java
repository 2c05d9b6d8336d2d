package org.presslens.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Command-line options; every Beam runner option (--runner, --targetParallelism, ...) works too. */
public interface PressLensOptions extends PipelineOptions {

  @Description("Input folder: every .txt file below it is a document (local path or Beam filesystem URI)")
  @Default.String("seeds")
  String getInput();

  void setInput(String value);

  @Description("Manifest CSV (file,doc_id,outlet,published,author,title,url); default: manifest.csv in the input folder if present")
  @Default.String("")
  String getManifest();

  void setManifest(String value);

  @Description("Folder the reports are written to")
  @Default.String("output")
  String getOutput();

  void setOutput(String value);

  @Description("Stop-word file (one word a line); empty for the built-in English list, 'none' for no stop words")
  @Default.String("")
  String getStopWords();

  void setStopWords(String value);

  @Description("Also count stop words as unigrams (n-grams never contain stop words)")
  @Default.Boolean(false)
  boolean getKeepStopWords();

  void setKeepStopWords(boolean value);

  @Description("Longest n-gram counted (1 = unigrams only)")
  @Default.Integer(3)
  int getMaxNgram();

  void setMaxNgram(int value);

  @Description("Count lemmas (OpenNLP POS tagger + lemmatizer) instead of word forms")
  @Default.Boolean(false)
  boolean getLemmatize();

  void setLemmatize(boolean value);

  @Description("Leave out term-frequency rows with a count below this")
  @Default.Long(1)
  long getMinCount();

  void setMinCount(long value);

  @Description("Outlet contrasts: test a term when its count in outlet plus reference reaches this")
  @Default.Long(3)
  long getContrastMinCount();

  void setContrastMinCount(long value);

  @Description("Weighted log-odds: weight of the corpus-wide Dirichlet prior, in corpora (1 = as much as the corpus)")
  @Default.Double(1.0)
  double getPriorScale();

  void setPriorScale(double value);

  @Description("Outlet contrasts: also compare every outlet with every other outlet")
  @Default.Boolean(false)
  boolean getContrastPairs();

  void setContrastPairs(boolean value);

  @Description("Keyword in context: distinctive terms per outlet that get concordance lines")
  @Default.Integer(10)
  int getKwicTerms();

  void setKwicTerms(int value);

  @Description("Keyword in context: lines per outlet and term at most")
  @Default.Integer(20)
  int getKwicLines();

  void setKwicLines(int value);

  @Description("Keyword in context: words of context on each side")
  @Default.Integer(8)
  int getKwicWindow();

  void setKwicWindow(int value);
}
