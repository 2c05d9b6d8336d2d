package org.presslens.pipeline.html;

import static org.presslens.pipeline.html.ReportTables.text;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code entity_cooccurrence.graphml} for Gephi, yEd or networkx: one node per entity in a corpus
 * sentence-window pair, with type, mentions, documents and outlets; one undirected edge per pair,
 * with its counts, PMI, NPMI, G2 and p, exactly as in entity_cooccurrence.csv.
 */
public final class GraphMl {

  public static final String FILE_NAME = "entity_cooccurrence.graphml";

  private static final String[][] NODE_KEYS = {
      {"type", "string"}, {"mentions", "long"}, {"documents", "long"}, {"outlets", "long"}};
  private static final String[][] EDGE_KEYS = {
      {"cooccurrences", "long"}, {"documents", "long"}, {"outlets", "long"}, {"pmi", "double"}, {"npmi", "double"},
      {"g2", "double"}, {"p", "double"}};

  private GraphMl() {}

  public static void write(String directory, OutputStream out) throws IOException {
    ReportTables tables = new ReportTables(directory);
    List<CSVRecord> pairs = tables.read("entity_cooccurrence.csv").stream()
        .filter(r -> r.get("scope").equals("corpus") && r.get("window").equals("sentence")).toList();
    Map<String, CSVRecord> entities = new LinkedHashMap<>();
    for (CSVRecord r : tables.read("entities.csv")) {
      entities.put(text(r, "entity"), r);
    }
    try {
      // The JDK's own StAX writer: runners bring others (Woodstox with Spark) that quote differently.
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("graphml");
      xml.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
      key(xml, "node", "label", "string");
      for (String[] k : NODE_KEYS) {
        key(xml, "node", k[0], k[1]);
      }
      for (String[] k : EDGE_KEYS) {
        key(xml, "edge", k[0], k[1]);
      }
      xml.writeCharacters("\n");
      xml.writeStartElement("graph");
      xml.writeAttribute("id", "entity_cooccurrence");
      xml.writeAttribute("edgedefault", "undirected");
      xml.writeCharacters("\n");
      java.util.TreeSet<String> nodes = new java.util.TreeSet<>();
      pairs.forEach(r -> {
        nodes.add(text(r, "entity_a"));
        nodes.add(text(r, "entity_b"));
      });
      for (String name : nodes) {
        xml.writeStartElement("node");
        xml.writeAttribute("id", name);
        data(xml, "n", "label", name);
        CSVRecord entity = entities.get(name);
        for (String[] k : NODE_KEYS) {
          if (entity != null) {
            data(xml, "n", k[0], entity.get(k[0]));
          }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      int id = 0;
      for (CSVRecord pair : pairs) {
        xml.writeStartElement("edge");
        xml.writeAttribute("id", "e" + id++);
        xml.writeAttribute("source", text(pair, "entity_a"));
        xml.writeAttribute("target", text(pair, "entity_b"));
        for (String[] k : EDGE_KEYS) {
          if (!pair.get(k[0]).isEmpty()) {
            data(xml, "e", k[0], pair.get(k[0]));
          }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + FILE_NAME, e);
    }
  }

  private static void key(XMLStreamWriter xml, String domain, String name, String type) throws XMLStreamException {
    xml.writeCharacters("\n");
    xml.writeEmptyElement("key");
    xml.writeAttribute("id", domain.charAt(0) + "_" + name);
    xml.writeAttribute("for", domain);
    xml.writeAttribute("attr.name", name);
    xml.writeAttribute("attr.type", type);
  }

  /** @param domain "n" for a node attribute, "e" for an edge attribute (the key ids written by {@link #key}) */
  private static void data(XMLStreamWriter xml, String domain, String name, String value) throws XMLStreamException {
    xml.writeStartElement("data");
    xml.writeAttribute("key", domain + "_" + name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
