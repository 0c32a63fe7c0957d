package org.crossdesk.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** System to partner systems: webhooks, a live stream, delivery records, deadlines and escalation. */
@SpringBootApplication
@EnableConfigurationProperties(NotificationsProperties.class)
public class NotificationsApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotificationsApplication.class, args);
  }
}
