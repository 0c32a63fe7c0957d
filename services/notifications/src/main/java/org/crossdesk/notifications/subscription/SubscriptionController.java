package org.crossdesk.notifications.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.platform.audit.AuditLog;
import org.crossdesk.platform.security.Caller;
import org.crossdesk.platform.web.FieldViolation;
import org.crossdesk.platform.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/subscriptions}: a partner system, authenticated as its desk, manages that desk's webhook
 * subscriptions. The desk is always the caller's; another desk's subscriptions answer 404.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final SubscriptionService service;
    private final AuditLog audit;

    SubscriptionController(SubscriptionService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    /** A subscription as the API shows it: never its secret, except once, when Crossdesk generated it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionView(
            String id,
            String deskId,
            String url,
            List<String> referralTypes,
            String minimumPriority,
            List<String> messageKinds,
            String description,
            String createdBy,
            String createdAt,
            String secret) {

        static SubscriptionView of(Subscription subscription, String generatedSecret) {
            SubscriptionFilter filter = subscription.filter();
            return new SubscriptionView(
                    subscription.id(),
                    subscription.deskId(),
                    subscription.url().toString(),
                    filter.referralTypes().stream().map(Enum::name).sorted().toList(),
                    filter.minimumPriority() == null
                            ? null
                            : filter.minimumPriority().name(),
                    filter.messageKinds().stream().map(Enum::name).sorted().toList(),
                    subscription.description(),
                    subscription.createdBy(),
                    subscription.createdAt().toString(),
                    generatedSecret);
        }

        @Override
        public String toString() {
            return "SubscriptionView[" + id + ", " + deskId + ", " + url + "]";
        }
    }

    @PostMapping
    ResponseEntity<SubscriptionView> register(Caller caller, @RequestBody SubscriptionRequest request) {
        String desk = caller.requireDesk();
        SubscriptionService.Created created = handle(() -> service.register(desk, caller.name(), request));
        audit.allowed(
                caller,
                AuditAction.MANAGE_SUBSCRIPTION,
                AuditResourceType.SUBSCRIPTION,
                created.subscription().id(),
                "register webhook subscription");
        return ResponseEntity.created(URI.create(
                        "/api/v1/subscriptions/" + created.subscription().id()))
                .body(SubscriptionView.of(
                        created.subscription(), created.generatedSecret().orElse(null)));
    }

    @GetMapping
    List<SubscriptionView> list(Caller caller) {
        String desk = caller.requireDesk();
        return service.list(desk).stream()
                .map(subscription -> SubscriptionView.of(subscription, null))
                .toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(Caller caller, @PathVariable String id) {
        String desk = caller.requireDesk();
        return SubscriptionView.of(handle(() -> service.get(desk, id)), null);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        String desk = caller.requireDesk();
        handle(() -> {
            service.delete(desk, id);
            return null;
        });
        audit.allowed(
                caller,
                AuditAction.MANAGE_SUBSCRIPTION,
                AuditResourceType.SUBSCRIPTION,
                id,
                "delete webhook subscription");
        return ResponseEntity.noContent().build();
    }

    private static <T> T handle(Supplier<T> action) {
        try {
            return action.get();
        } catch (SubscriptionRejectedException e) {
            throw switch (e.reason()) {
                case INVALID ->
                    ProblemException.invalid(e.errors().stream()
                            .map(error -> new FieldViolation(error.field(), "invalid", error.message()))
                            .toList());
                case LIMIT_REACHED ->
                    ProblemException.businessRule(
                            List.of(new FieldViolation(null, "subscription-limit", e.getMessage())));
                case NOT_FOUND -> ProblemException.notFound(e.getMessage());
            };
        }
    }
}
