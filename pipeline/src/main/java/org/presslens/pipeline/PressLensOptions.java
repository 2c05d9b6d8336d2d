package org.presslens.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Command-line options; every Beam runner option (--runner, --targetParallelism, ...) works too.
 * Each option is declared once, here: its default, its range ({@link Range}, checked before any
 * work) and its description; the run manifest and report.html list them from here.
 */
public interface PressLensOptions extends PipelineOptions {

  @Description("Input: a folder whose .txt files (any depth) are documents, or a JSON Lines file or glob (.jsonl, .jsonl.gz)")
  @Default.String("seeds")
  String getInput();

  void setInput(String value);

  @Description("Input format: auto (a folder is txt, *.jsonl[.gz] or *.ndjson[.gz] is jsonl, *.csv[.gz] is csv), txt, "
      + "html (a folder whose .txt files hold web pages too: as txt with --html=always), jsonl or csv")
  @Default.String("auto")
  String getFormat();

  void setFormat(String value);

  @Description("Which texts are read as HTML: auto (.html/.htm files, texts that start as a web page, texts with tags of "
      + "common HTML elements), always (every text), never (only .html/.htm files)")
  @Default.String("auto")
  String getHtml();

  void setHtml(String value);

  @Description("JSON Lines and CSV: field holding the text")
  @Default.String("text")
  String getTextField();

  void setTextField(String value);

  @Description("JSON Lines and CSV: field holding the document id (default: file:line)")
  @Default.String("doc_id")
  String getIdField();

  void setIdField(String value);

  @Description("JSON Lines and CSV: field whose value groups documents in every report (the 'outlet' column), e.g. party or genre")
  @Default.String("outlet")
  String getGroupField();

  void setGroupField(String value);

  @Description("JSON Lines and CSV: field holding the publication date")
  @Default.String("published")
  String getDateField();

  void setDateField(String value);

  @Description("JSON Lines and CSV: field holding the title")
  @Default.String("title")
  String getTitleField();

  void setTitleField(String value);

  @Description("JSON Lines and CSV: field holding the author")
  @Default.String("author")
  String getAuthorField();

  void setAuthorField(String value);

  @Description("Manifest CSV (file,doc_id,outlet,published,author,title,url); default: manifest.csv in the input folder if present")
  @Default.String("")
  String getManifest();

  void setManifest(String value);

  @Description("Folder the reports are written to")
  @Default.String("output")
  String getOutput();

  void setOutput(String value);

  @Description("Write into an output folder that also holds files PressLens did not write: they are left untouched "
      + "(a file with the name of a report is still refused)")
  @Default.Boolean(false)
  boolean getAllowOtherFiles();

  void setAllowOtherFiles(boolean value);

  @Description("Spreadsheet tier: term_frequencies.csv lists this many terms per scope (corpus, outlet) and n")
  @Default.Integer(200)
  @Range(min = 1, max = 1_048_575)
  int getCsvTopTerms();

  void setCsvTopTerms(int value);

  @Description("Spreadsheet tier: outlet_contrasts.csv lists this many terms per outlet, reference and direction")
  @Default.Integer(200)
  @Range(min = 1, max = 1_048_575)
  int getCsvTopContrasts();

  void setCsvTopContrasts(int value);

  @Description("Spreadsheet tier: entities.csv lists this many entities")
  @Default.Integer(1000)
  @Range(min = 1, max = 1_048_575)
  int getCsvTopEntities();

  void setCsvTopEntities(int value);

  @Description("Spreadsheet tier: entity_cooccurrence.csv lists this many pairs per scope and window")
  @Default.Integer(200)
  @Range(min = 1, max = 1_048_575)
  int getCsvTopPairs();

  void setCsvTopPairs(int value);

  @Description("Spreadsheet tier: no CSV file has more rows than this (the first in report order; spreadsheets open 1,048,576)")
  @Default.Long(100_000)
  @Range(min = 1, max = 1_048_575)
  long getCsvMaxRows();

  void setCsvMaxRows(long value);

  @Description("Full-detail tier: write every row of every report as Parquet tables in <output>/data/")
  @Default.Boolean(true)
  boolean getParquet();

  void setParquet(boolean value);

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
  @Range(min = 1, max = 5)
  int getMaxNgram();

  void setMaxNgram(int value);

  @Description("Count lemmas (OpenNLP POS tagger + lemmatizer) instead of word forms")
  @Default.Boolean(false)
  boolean getLemmatize();

  void setLemmatize(boolean value);

  @Description("Count each recognised multiword entity as one term (jens_stoltenberg, united_states) instead of its "
      + "words; needs --entities=true")
  @Default.Boolean(false)
  boolean getEntityTerms();

  void setEntityTerms(boolean value);

  @Description("Leave out term-frequency rows with a count below this")
  @Default.Long(1)
  @Range(min = 1, max = Long.MAX_VALUE)
  long getMinCount();

  void setMinCount(long value);

  @Description("Outlet contrasts: test a term when its count in outlet plus reference reaches this")
  @Default.Long(3)
  @Range(min = 1, max = Long.MAX_VALUE)
  long getContrastMinCount();

  void setContrastMinCount(long value);

  @Description("Weighted log-odds: weight of the corpus-wide Dirichlet prior, in corpora (1 = as much as the corpus)")
  @Default.Double(1.0)
  @Range(min = Double.MIN_VALUE, max = 1e6)
  double getPriorScale();

  void setPriorScale(double value);

  @Description("Outlet contrasts: also compare every outlet with every other outlet")
  @Default.Boolean(false)
  boolean getContrastPairs();

  void setContrastPairs(boolean value);

  @Description("Keyword in context: distinctive terms per outlet that get concordance lines")
  @Default.Integer(10)
  @Range(min = 0, max = 1000)
  int getKwicTerms();

  void setKwicTerms(int value);

  @Description("Keyword in context: lines per outlet and term at most")
  @Default.Integer(20)
  @Range(min = 0, max = 1000)
  int getKwicLines();

  void setKwicLines(int value);

  @Description("Keyword in context: words of context on each side")
  @Default.Integer(8)
  @Range(min = 0, max = 100)
  int getKwicWindow();

  void setKwicWindow(int value);

  @Description("Trends: the unit of the periods (day, week = ISO week, month, quarter, year, decade) or auto: the "
      + "finest unit in which most periods have enough words to test (docs/trends.md)")
  @Default.String("auto")
  String getPeriod();

  void setPeriod(String value);

  @Description("Trends: the corpus's most frequent terms (and entities) whose counts per period every scope lists")
  @Default.Integer(10)
  @Range(min = 0, max = 1000)
  int getTrendTerms();

  void setTrendTerms(int value);

  @Description("Trends: terms (and entities) per scope that emerging.csv lists as used more in the latest period")
  @Default.Integer(25)
  @Range(min = 0, max = 10000)
  int getEmergingTop();

  void setEmergingTop(int value);

  @Description("Trends: what emerging.csv tests against what came before: the latest period (empty), the documents "
      + "dated from a date on (2024-05-01), or last-run: the documents new or changed since the last run with --cacheDir")
  @Default.String("")
  String getSince();

  void setSince(String value);

  @Description("Recognise people, organisations and places (entities.csv, entity_cooccurrence.csv); false skips "
      + "the slowest stage and those reports")
  @Default.Boolean(true)
  boolean getEntities();

  void setEntities(boolean value);

  @Description("Entities: list entities with at least this many mentions")
  @Default.Long(2)
  @Range(min = 1, max = Long.MAX_VALUE)
  long getMinEntityCount();

  void setMinEntityCount(long value);

  @Description("Entity co-occurrence: list pairs found together in at least this many sentences (documents)")
  @Default.Long(2)
  @Range(min = 1, max = Long.MAX_VALUE)
  long getMinPairCount();

  void setMinPairCount(long value);

  @Description("Entities: extra gazetteer file (type<TAB>name lines), added to the built-in one")
  @Default.String("")
  String getGazetteer();

  void setGazetteer(String value);

  @Description("Entities: extra alias file (alias<TAB>canonical lines), added to the built-in one")
  @Default.String("")
  String getAliases();

  void setAliases(String value);

  @Description("Reject documents larger than this many megabytes (file size, or million characters of text)")
  @Default.Integer(10)
  @Range(min = 1, max = 2000)
  int getMaxDocumentMB();

  void setMaxDocumentMB(int value);

  @Description("Reject documents with a run of more than this many characters without white space")
  @Default.Integer(1000)
  @Range(min = 1, max = 1_000_000)
  int getMaxWordChars();

  void setMaxWordChars(int value);

  @Description("Reject documents that the language detector confidently identifies as not English")
  @Default.Boolean(true)
  boolean getEnglishOnly();

  void setEnglishOnly(boolean value);

  @Description("Boilerplate: drop a line found in at least this many documents of one outlet (0 turns removal off)")
  @Default.Integer(3)
  @Range(min = 0, max = Integer.MAX_VALUE)
  int getBoilerplateMinDocuments();

  void setBoilerplateMinDocuments(int value);

  @Description("Boilerplate: ... and in at least this share of the outlet's documents (0 to 1)")
  @Default.Double(0.2)
  @Range(min = 0, max = 1)
  double getBoilerplateMinShare();

  void setBoilerplateMinShare(double value);

  @Description("Duplicates: estimated Jaccard similarity (0.5 to 1) from which two documents are near copies")
  @Default.Double(0.8)
  @Range(min = 0.5, max = 1)
  double getDuplicateSimilarity();

  void setDuplicateSimilarity(double value);

  @Description("Duplicates: still list copies in duplicates.csv, but count them in the statistics too")
  @Default.Boolean(false)
  boolean getKeepDuplicates();

  void setKeepDuplicates(boolean value);

  @Description("Folder (any Beam filesystem) that keeps the analysis state of the last run, so that a rerun analyses "
      + "only new or changed documents (docs/reruns.md); apart from --input and --output; empty: no cache")
  @Default.String("")
  String getCacheDir();

  void setCacheDir(String value);
}
