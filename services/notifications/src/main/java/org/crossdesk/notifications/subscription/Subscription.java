package org.crossdesk.notifications.subscription;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.events.notification.WebhookSubscription;

/**
 * A desk's webhook subscription, as the rest of the service uses it.
 *
 * @param id          subscription id (UUID)
 * @param deskId      the desk whose inbox is delivered
 * @param url         where deliveries are POSTed
 * @param secret      the sealed signing secret
 * @param filter      which messages are delivered
 * @param description free text, may be null
 * @param createdBy   principal that created it
 * @param createdAt   when it was created
 */
public record Subscription(
        String id,
        String deskId,
        URI url,
        SealedSecret secret,
        SubscriptionFilter filter,
        String description,
        String createdBy,
        Instant createdAt) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deskId, "deskId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(filter, "filter");
    }

    /** The subscription from its topic record. */
    public static Subscription fromRecord(WebhookSubscription record) {
        ByteBuffer sealed = record.getSealedSecret().duplicate();
        byte[] bytes = new byte[sealed.remaining()];
        sealed.get(bytes);
        return new Subscription(
                record.getSubscriptionId(),
                record.getDeskId(),
                URI.create(record.getUrl()),
                new SealedSecret(record.getSecretKeyId(), bytes),
                new SubscriptionFilter(
                        copy(record.getReferralTypes(), ReferralType.class),
                        record.getMinimumPriority(),
                        copy(record.getMessageKinds(), InboxMessageKind.class)),
                record.getDescription(),
                record.getCreatedBy(),
                record.getCreatedAt());
    }

    /** The topic record of this subscription. */
    public WebhookSubscription toRecord() {
        return WebhookSubscription.newBuilder()
                .setSubscriptionId(id)
                .setDeskId(deskId)
                .setUrl(url.toString())
                .setSecretKeyId(secret.keyId())
                .setSealedSecret(ByteBuffer.wrap(secret.sealed()))
                .setReferralTypes(filter.referralTypes().stream().sorted().toList())
                .setMinimumPriority(filter.minimumPriority())
                .setMessageKinds(filter.messageKinds().stream().sorted().toList())
                .setDescription(description)
                .setCreatedBy(createdBy)
                .setCreatedAt(createdAt)
                .build();
    }

    private static <E extends Enum<E>> EnumSet<E> copy(List<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }
}
