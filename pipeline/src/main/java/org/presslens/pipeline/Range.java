package org.presslens.pipeline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a numeric option accepts, both ends included; {@link RunConfig} checks every option
 * of {@link PressLensOptions} that has one before any work starts, and refuses NaN and infinities.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Range {
  double min();

  double max();
}
