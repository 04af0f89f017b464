package io.partnerpulse.shared;

/** Who is signed in, as far as the modules need to know: a name for the audit log and, for a partner user, the partner. */
public interface ActorPrincipal {

    String actorName();

    /** The partner a partner user works for; null for the organization's own people. */
    Long partnerId();

    /** The account's id, for what a user owns (a report subscription); null for a principal that is no account. */
    default Long userId() {
        return null;
    }

    /** The business unit a manager is scoped to, if any. */
    default Long businessUnitId() {
        return null;
    }

    /** The department a manager is scoped to, if any. */
    default Long departmentId() {
        return null;
    }
}
