package org.crossdesk.routing.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.platform.web.FieldViolation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The directory a fresh installation starts with: a YAML file ({@code config/demo/directory.yaml} in the
 * demo) of desks and agreements in the admin API's format, checked by the same rules as the API.
 *
 * @param desks      the desks
 * @param agreements the agreements
 */
public record DirectorySeed(List<DeskProfile> desks, List<CooperationAgreement> agreements) {

    @JsonIgnoreProperties(ignoreUnknown = false)
    record SeedFile(List<DeskDocument> desks, List<AgreementDocument> agreements) {}

    /** Reads and validates a seed; throws {@link IllegalArgumentException} listing every problem. */
    public static DirectorySeed read(InputStream yaml, Instant updatedAt) throws IOException {
        SeedFile file = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build()
                .readValue(yaml, SeedFile.class);
        List<String> problems = new ArrayList<>();
        List<DeskProfile> desks = new ArrayList<>();
        Directory directory = Directory.empty();
        List<DeskDocument> deskDocuments = file.desks() == null ? List.of() : file.desks();
        for (int i = 0; i < deskDocuments.size(); i++) {
            DirectoryValidation.Result<DeskProfile> desk = DirectoryValidation.desk(deskDocuments.get(i), updatedAt);
            List<FieldViolation> violations = new ArrayList<>(desk.violations());
            if (desk.isValid()) {
                if (directory.desk(desk.value().getDeskId()).isPresent()) {
                    violations.add(new FieldViolation(
                            "deskId", "DUPLICATE", "Desk " + desk.value().getDeskId() + " is listed twice"));
                }
                violations.addAll(DirectoryValidation.deskRules(desk.value(), directory));
                directory = directory.with(desk.value());
                desks.add(desk.value());
            }
            String where = "desks[" + i + "] ("
                    + (deskDocuments.get(i) == null
                            ? null
                            : deskDocuments.get(i).deskId()) + ")";
            violations.forEach(violation -> problems.add(describe(where, violation)));
        }
        List<CooperationAgreement> agreements = new ArrayList<>();
        List<AgreementDocument> agreementDocuments = file.agreements() == null ? List.of() : file.agreements();
        for (int i = 0; i < agreementDocuments.size(); i++) {
            AgreementDocument document = agreementDocuments.get(i);
            DirectoryValidation.Result<CooperationAgreement> agreement = DirectoryValidation.agreement(document);
            String where = "agreements[" + i + "] (" + (document == null ? null : document.agreementId()) + ")";
            agreement.violations().forEach(violation -> problems.add(describe(where, violation)));
            if (agreement.isValid()) {
                agreements.add(agreement.value());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid directory seed:\n  " + String.join("\n  ", problems));
        }
        return new DirectorySeed(List.copyOf(desks), List.copyOf(agreements));
    }

    private static String describe(String where, FieldViolation violation) {
        return where + " " + (violation.field() == null ? "" : violation.field() + ": ") + violation.message();
    }
}
