package org.presslens.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of PressLens and of the libraries and models it was built with (from the build). */
public final class Versions {

  private static final Properties PROPERTIES = load();

  private Versions() {}

  public static String presslens() {
    return PROPERTIES.getProperty("presslens");
  }

  public static String beam() {
    return PROPERTIES.getProperty("beam");
  }

  public static String opennlp() {
    return PROPERTIES.getProperty("opennlp");
  }

  /** Version of the opennlp-models-*-en artifacts. */
  public static String opennlpModels() {
    return PROPERTIES.getProperty("opennlp.models");
  }

  /** Version of the Tika artifact the language-detector model is unpacked from. */
  public static String tikaLangdetect() {
    return PROPERTIES.getProperty("tika.langdetect");
  }

  /** Version of the Datafaker artifact the given-name list is unpacked from. */
  public static String datafaker() {
    return PROPERTIES.getProperty("datafaker");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/org/presslens/versions.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
