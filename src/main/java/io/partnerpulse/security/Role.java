package io.partnerpulse.security;

/**
 * ADMIN: everything, users included. CHANNEL_MANAGER: all partners, approves registrations, sets
 * targets. ANALYST: reads everything, changes nothing. PARTNER_USER: the portal, its own partner only.
 */
public enum Role {
    ADMIN, CHANNEL_MANAGER, ANALYST, PARTNER_USER
}
