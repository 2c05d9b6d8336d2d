package org.presslens.transforms.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The English OpenNLP models (UD English-EWT, opennlp-models-*-en 1.3.0 from Maven Central),
 * loaded once per JVM and shared: OpenNLP models are thread-safe, the {@code *ME} objects built
 * from them are not, so each DoFn instance builds its own {@code *ME} objects.
 */
public final class OpenNlpModels {

  public static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  public static final String TOKENIZER_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  public static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  public static final String LEMMATIZER_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

  private static volatile OpenNlpModels shared;

  private final SentenceModel sentences;
  private final TokenizerModel tokens;
  private volatile POSModel pos;
  private volatile LemmatizerModel lemmas;
  private volatile SharedLemmatizer lemmatizer;

  private OpenNlpModels() {
    sentences = load(SENTENCE_MODEL, SentenceModel::new);
    tokens = alphanumericOptimised(load(TOKENIZER_MODEL, TokenizerModel::new));
  }

  /**
   * The tokenizer model with OpenNLP's alphanumeric optimisation on: a white-space token made of
   * letters and digits only is kept whole without asking the model at each character. The UD
   * model ships with it off; on it the model splits such words by mistake now and then ("DEBT",
   * "governmentwide"); see docs/text-and-terms.md for what it changes.
   */
  static TokenizerModel alphanumericOptimised(TokenizerModel model) {
    TokenizerFactory factory = model.getFactory();
    return new TokenizerModel(model.getMaxentModel(), new HashMap<>(), new TokenizerFactory(
        factory.getLanguageCode(), factory.getAbbreviationDictionary(), true, factory.getAlphaNumericPattern()));
  }

  /** The per-JVM instance; sentence and tokenizer models are loaded on first use. */
  public static OpenNlpModels shared() {
    OpenNlpModels result = shared;
    if (result == null) {
      synchronized (OpenNlpModels.class) {
        result = shared;
        if (result == null) {
          result = new OpenNlpModels();
          shared = result;
        }
      }
    }
    return result;
  }

  public SentenceModel sentences() {
    return sentences;
  }

  public TokenizerModel tokens() {
    return tokens;
  }

  /** POS model, loaded on first use (only lemmatization needs it). */
  public synchronized POSModel pos() {
    if (pos == null) {
      pos = load(POS_MODEL, POSModel::new);
    }
    return pos;
  }

  /** Lemmatizer model, loaded on first use. */
  public synchronized LemmatizerModel lemmas() {
    if (lemmas == null) {
      lemmas = load(LEMMATIZER_MODEL, LemmatizerModel::new);
    }
    return lemmas;
  }

  /** The lemmatizer of {@link #lemmas()}: thread-safe, shared, with its memory of contexts. */
  public synchronized SharedLemmatizer lemmatizer() {
    if (lemmatizer == null) {
      lemmatizer = new SharedLemmatizer(lemmas());
    }
    return lemmatizer;
  }

  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M load(String resource, ModelReader<M> reader) {
    try (InputStream in = OpenNlpModels.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "OpenNLP model " + resource + " is not on the classpath (opennlp-models-*-en jars)");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read OpenNLP model " + resource, e);
    }
  }
}
