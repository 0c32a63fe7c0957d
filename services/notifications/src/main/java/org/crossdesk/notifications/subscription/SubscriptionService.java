package org.crossdesk.notifications.subscription;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.notifications.subscription.SubscriptionRejectedException.FieldError;
import org.crossdesk.notifications.subscription.SubscriptionRejectedException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers, lists and deletes a desk's webhook subscriptions. A desk sees and touches only its own: the
 * desk always comes from the authenticated caller, never from the request. Writes go to the subscriptions
 * topic; the answer waits until this instance's view has read the write back, so a GET right after a POST
 * sees it.
 */
public final class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    /** Shortest accepted secret: 32 characters of printable ASCII carry at least 190 bits if random. */
    public static final int MIN_SECRET_LENGTH = 32;

    static final int MAX_SECRET_LENGTH = 256;
    static final int MAX_DESCRIPTION_LENGTH = 200;
    private static final Pattern SECRET_CHARACTERS = Pattern.compile("[\\x21-\\x7E]+");

    /** The result of a registration: the subscription and, only if Crossdesk generated it, the secret. */
    public record Created(Subscription subscription, Optional<String> generatedSecret) {
        @Override
        public String toString() {
            return "Created[" + subscription + ", generatedSecret="
                    + generatedSecret.map(s -> "(hidden)").orElse("none") + "]";
        }
    }

    private final SubscriptionRegistry registry;
    private final SubscriptionStore store;
    private final SecretSealer sealer;
    private final UrlPolicy urls;
    private final Clock clock;
    private final Supplier<String> ids;
    private final SecureRandom random;
    private final int maxPerDesk;
    private final Duration readBackTimeout;

    public SubscriptionService(
            SubscriptionRegistry registry,
            SubscriptionStore store,
            SecretSealer sealer,
            UrlPolicy urls,
            Clock clock,
            Supplier<String> ids,
            SecureRandom random,
            int maxPerDesk,
            Duration readBackTimeout) {
        this.registry = registry;
        this.store = store;
        this.sealer = sealer;
        this.urls = urls;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
        this.maxPerDesk = maxPerDesk;
        this.readBackTimeout = readBackTimeout;
    }

    /**
     * Registers a subscription of {@code deskId}, created by {@code principal}.
     *
     * @throws SubscriptionRejectedException INVALID with every field error, or LIMIT_REACHED
     */
    public Created register(String deskId, String principal, SubscriptionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        urls.problemWith(request.url()).ifPresent(problem -> errors.add(new FieldError("url", problem)));
        String secret = request.secret();
        if (secret != null) {
            if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
                errors.add(new FieldError(
                        "secret",
                        "must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                                + " characters long, or omitted to have Crossdesk generate one"));
            } else if (!SECRET_CHARACTERS.matcher(secret).matches()) {
                errors.add(new FieldError("secret", "must consist of printable ASCII characters without spaces"));
            }
        }
        Set<ReferralType> types = symbols(
                "referralTypes", request.referralTypes(), ReferralType.class, EnumSet.of(ReferralType.UNKNOWN), errors);
        Set<InboxMessageKind> kinds = symbols(
                "messageKinds",
                request.messageKinds(),
                InboxMessageKind.class,
                EnumSet.of(InboxMessageKind.UNKNOWN),
                errors);
        Priority minimum = null;
        if (request.minimumPriority() != null) {
            minimum = symbol(request.minimumPriority(), Priority.class, EnumSet.noneOf(Priority.class));
            if (minimum == null) {
                errors.add(new FieldError("minimumPriority", "must be one of " + allowed(Priority.class, Set.of())));
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new SubscriptionRejectedException(
                    Reason.INVALID, "The subscription request has invalid fields", errors);
        }
        if (registry.forDesk(deskId).size() >= maxPerDesk) {
            throw new SubscriptionRejectedException(
                    Reason.LIMIT_REACHED,
                    "Desk " + deskId + " already has " + maxPerDesk
                            + " webhook subscriptions, the most allowed; delete one first",
                    List.of());
        }

        String id = ids.get();
        Optional<String> generated = secret == null ? Optional.of(generateSecret()) : Optional.empty();
        SealedSecret sealed = sealer.seal(generated.orElse(secret), id, deskId);
        Subscription subscription = new Subscription(
                id,
                deskId,
                URI.create(request.url()),
                sealed,
                new SubscriptionFilter(types, minimum, kinds),
                request.description(),
                principal,
                clock.instant());
        long offset = store.write(id, subscription.toRecord());
        awaitReadBack(offset, id);
        log.info("Desk {} registered webhook subscription {} to {}", deskId, id, subscription.url());
        return new Created(subscription, generated);
    }

    /** The subscriptions of {@code deskId}. */
    public List<Subscription> list(String deskId) {
        return registry.forDesk(deskId);
    }

    /**
     * Subscription {@code id} of {@code deskId}.
     *
     * @throws SubscriptionRejectedException NOT_FOUND if there is none, or it belongs to another desk
     */
    public Subscription get(String deskId, String id) {
        return registry.find(id)
                .filter(subscription -> subscription.deskId().equals(deskId))
                .orElseThrow(() -> new SubscriptionRejectedException(
                        Reason.NOT_FOUND, "Desk " + deskId + " has no webhook subscription " + id, List.of()));
    }

    /**
     * Deletes subscription {@code id} of {@code deskId}: pending deliveries to it stop.
     *
     * @throws SubscriptionRejectedException NOT_FOUND if there is none, or it belongs to another desk
     */
    public void delete(String deskId, String id) {
        get(deskId, id);
        long offset = store.write(id, null);
        awaitReadBack(offset, id);
        log.info("Desk {} deleted webhook subscription {}", deskId, id);
    }

    private String generateSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void awaitReadBack(long offset, String id) {
        try {
            if (!registry.awaitOffset(offset, readBackTimeout)) {
                // The write is durable; this instance's view catches up shortly.
                log.warn(
                        "Subscription {} was written at offset {} but not read back within {}",
                        id,
                        offset,
                        readBackTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <E extends Enum<E>> Set<E> symbols(
            String field, List<String> values, Class<E> type, Set<E> excluded, List<FieldError> errors) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values == null) {
            return set;
        }
        for (int i = 0; i < values.size(); i++) {
            E symbol = symbol(values.get(i), type, excluded);
            if (symbol == null) {
                errors.add(new FieldError(field + "[" + i + "]", "must be one of " + allowed(type, excluded)));
            } else {
                set.add(symbol);
            }
        }
        return set;
    }

    private static <E extends Enum<E>> E symbol(String value, Class<E> type, Set<E> excluded) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(symbol -> !excluded.contains(symbol))
                .filter(symbol -> symbol.name().equals(value.trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }

    private static <E extends Enum<E>> String allowed(Class<E> type, Set<E> excluded) {
        return Arrays.stream(type.getEnumConstants())
                .filter(symbol -> !excluded.contains(symbol))
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
