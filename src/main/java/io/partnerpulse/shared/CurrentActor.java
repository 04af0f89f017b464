package io.partnerpulse.shared;

import org.springframework.stereotype.Component;

/**
 * Who is making the current request, for the audit log and the stage history. Until accounts and
 * logins exist every API call is recorded as made by "api".
 */
@Component
public class CurrentActor {

    public String name() {
        return "api";
    }
}
