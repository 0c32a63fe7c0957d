package org.crossdesk.intake.validation;

/**
 * What validation needs to know of the directory of desks ({@code directory.desks.v1}).
 *
 * <p>When the directory is empty (not seeded yet, or not readable) only the well-formedness of desk ids is
 * checked: refusing every referral because the directory is momentarily unknown would stop the service,
 * and routing withholds desks it does not know anyway.
 */
public interface KnownDesks {

    /** A directory that knows no desk: desk ids are checked for form only. */
    KnownDesks UNKNOWN = new KnownDesks() {
        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public boolean contains(String deskId) {
            return false;
        }
    };

    /** Whether no desk is known, so membership cannot be checked. */
    boolean isEmpty();

    /** Whether {@code deskId} is a desk of the directory. */
    boolean contains(String deskId);
}
