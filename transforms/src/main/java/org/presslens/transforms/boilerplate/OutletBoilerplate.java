package org.presslens.transforms.boilerplate;

import java.io.Serializable;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/** An outlet's boilerplate lines, each with the number of the outlet's documents it occurs in. */
@DefaultCoder(SerializableCoder.class)
public record OutletBoilerplate(String outlet, long documents, TreeMap<String, Integer> lines) implements Serializable {}
