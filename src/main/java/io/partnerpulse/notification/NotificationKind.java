package io.partnerpulse.notification;

/** What a notification tells, and the page it links to. */
public enum NotificationKind {
    REGISTRATION_SUBMITTED("/registrations"),
    REGISTRATION_APPROVED("/registrations"),
    REGISTRATION_REJECTED("/registrations"),
    REGISTRATION_EXPIRED("/registrations"),
    LEAD_ASSIGNED("/leads"),
    FUND_REQUEST_APPROVED("/funds?show=requests"),
    FUND_REQUEST_REJECTED("/funds?show=requests"),
    FUND_CLAIM_APPROVED("/funds?show=claims"),
    FUND_CLAIM_REJECTED("/funds?show=claims"),
    FUND_CLAIM_PAID("/funds?show=claims"),
    NOTE_FROM_PARTNER("/deals"),
    NOTE_FROM_TEAM("/deals"),
    FOLLOW_UPS_DUE("/tasks"),
    CERTIFICATIONS_EXPIRING("/certifications?status=EXPIRING");

    private final String page;

    NotificationKind(String page) {
        this.page = page;
    }

    /** The page of the app the notification's reader goes to. */
    public String page() {
        return page;
    }
}
