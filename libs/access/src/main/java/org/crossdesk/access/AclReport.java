package org.crossdesk.access;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Prints Crossdesk's ACL set for review: one line per right, grouped by principal. With desk ids as arguments,
 * also those desks' rights and the services' rights on their topics.
 *
 * <pre>java -cp "launcher/target/lib/*" org.crossdesk.access.AclReport FR-OCRTIS DE-BKA</pre>
 */
public final class AclReport {

    private AclReport() {}

    public static void main(String[] args) {
        print(AccessPlan.all(Arrays.asList(args)), System.out);
    }

    /** One aligned line per ACL: principal, operation, resource type, pattern type, resource name. */
    public static void print(List<AclBinding> acls, PrintStream out) {
        out.printf("%-24s %-16s %-16s %-9s %s%n", "principal", "operation", "resource", "pattern", "name");
        acls.stream()
                .sorted(Comparator.comparing((AclBinding acl) -> acl.entry().principal())
                        .thenComparing(acl -> acl.pattern().resourceType())
                        .thenComparing(acl -> acl.pattern().name())
                        .thenComparing(acl -> acl.entry().operation()))
                .forEach(acl -> out.printf(
                        "%-24s %-16s %-16s %-9s %s%n",
                        acl.entry().principal(),
                        acl.entry().operation(),
                        acl.pattern().resourceType(),
                        acl.pattern().patternType(),
                        acl.pattern().name()));
        out.printf("%d ACLs, all ALLOW; the broker denies everything else.%n", acls.size());
    }
}
