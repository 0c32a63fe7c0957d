package org.crossdesk.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Crossdesk intake: desk to system. Consumes every desk outbox and serves the HTTP gateway; validates,
 * de-duplicates and assigns referral ids; keeps each referral's status. See docs/intake.md.
 */
@SpringBootApplication
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
