package org.crossdesk.launcher.watchdog;

/** A child that would run forever unless something ends it. */
public final class Sleeper {

  private Sleeper() {
  }

  public static void main(String[] args) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    System.out.println("sleeping");
    Thread.sleep(Long.MAX_VALUE);
  }
}
