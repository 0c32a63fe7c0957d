package org.crossdesk.notifications.subscription;

import java.util.Arrays;
import java.util.Objects;

/**
 * A webhook signing secret as stored: AES-256-GCM ciphertext under the notifications key named
 * {@code keyId}. Never printed: {@link #toString()} shows the key id only.
 *
 * @param keyId  id of the sealing key
 * @param sealed nonce, ciphertext and tag
 */
public record SealedSecret(String keyId, byte[] sealed) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && keyId.equals(that.keyId) && Arrays.equals(sealed, that.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + "]";
    }
}
