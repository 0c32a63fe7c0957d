package org.crossdesk.routing.fanout;

/**
 * An event the fan-out cannot act on, however often it tries: it goes to the dead-letter topic with
 * this message as the cause, and the fan-out goes on.
 */
public class UnroutableEventException extends RuntimeException {
  public UnroutableEventException(String message) {
    super(message);
  }
}
