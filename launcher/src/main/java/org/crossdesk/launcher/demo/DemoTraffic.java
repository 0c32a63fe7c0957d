package org.crossdesk.launcher.demo;

import java.util.function.Consumer;
import org.crossdesk.launcher.Stack;

/** Synthetic referrals at a steady rate, and the recipients' acknowledgements. */
public final class DemoTraffic implements AutoCloseable {

  private DemoTraffic() {
  }

  public static DemoTraffic start(Stack stack, double rate, Consumer<String> log) {
    throw new UnsupportedOperationException("the demo needs the intake, routing and notifications services");
  }

  @Override
  public void close() {
  }
}
