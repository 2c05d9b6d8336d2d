package org.presslens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OptionsHelpTest {

  @Test
  void everyPressLensOptionIsListedOnceWithItsDefaultAndRange() {
    String help = OptionsHelp.text();
    for (Method getter : RunConfig.declaredOptions()) {
      String name = "  --" + RunConfig.optionName(getter) + " [";
      assertEquals(1, help.split(java.util.regex.Pattern.quote(name), -1).length - 1, name);
    }
    assertTrue(help.contains("  --maxNgram [3], between 1 and 5\n"), help);
    assertTrue(help.contains("  --minCount [1], at least 1\n"), help);
    assertTrue(help.contains("  --cacheDir [none]\n"), help);
    assertTrue(Arrays.stream(help.split("\n")).allMatch(line -> line.length() <= 120), "lines fit a terminal");
  }
}
