package org.presslens.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The model is loaded once while anyone holds it, and loaded again after the JVM dropped it. Weak
 * references stand in for the soft ones, so that a requested collection clears them.
 */
class ReleasableModelTest {

  private final AtomicInteger loads = new AtomicInteger();
  private final ReleasableModel<Object> model = new ReleasableModel<>(() -> {
    loads.incrementAndGet();
    return new Object();
  }, WeakReference::new);

  @Test
  void loadsOnFirstUseOnlyAndSharesTheModel() {
    assertEquals(0, loads.get());
    Object first = model.get();
    assertSame(first, model.get());
    assertEquals(1, loads.get());
  }

  @Test
  void aHeldModelSurvivesCollections() {
    Object held = model.get();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    assertTrue(model.isLoaded());
    assertSame(held, model.get());
    assertEquals(1, loads.get());
  }

  @Test
  void aModelNoOneHoldsMayBeDroppedAndIsThenLoadedAgain() throws InterruptedException {
    assertNotNull(model.get());
    for (int i = 0; i < 50 && model.isLoaded(); i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertFalse(model.isLoaded(), "a collection clears the model no one holds");
    assertNotNull(model.get());
    assertEquals(2, loads.get());
    assertTrue(model.isLoaded());
  }
}
