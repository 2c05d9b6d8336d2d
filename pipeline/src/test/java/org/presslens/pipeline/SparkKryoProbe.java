package org.presslens.pipeline;

import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import scala.reflect.ClassTag$;

/**
 * Serializes a value with Spark's Kryo serializer, as Spark does when it moves a cached block from
 * memory to disk; exits with 0 when that works in this JVM. Run by {@link SparkKryoTest}.
 */
public final class SparkKryoProbe {

  private SparkKryoProbe() {}

  public static void main(String[] args) {
    KryoSerializer kryo = new KryoSerializer(new SparkConf());
    ByteBuffer bytes = kryo.newInstance().serialize(new byte[] {1, 2, 3}, ClassTag$.MODULE$.apply(byte[].class));
    System.exit(bytes.remaining() > 0 ? 0 : 1);
  }
}
