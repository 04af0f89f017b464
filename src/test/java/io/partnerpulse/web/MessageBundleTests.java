package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every text has an English and an Urdu version, and neither bundle has a key the other lacks. */
class MessageBundleTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessageBundleTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void keepsTheEnglishAndUrduBundlesInStep() throws IOException {
        Properties english = load("messages.properties");
        Properties urdu = load("messages_ur.properties");
        assertThat(urdu.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        urdu.forEach((key, value) -> assertThat(value.toString()).as((String) key).isNotBlank());
    }

    @Test
    void definesEachKeyOnceInEachBundle() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_ur.properties"}) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.List<String> twice = new java.util.ArrayList<>();
            try (var lines = new java.io.BufferedReader(new InputStreamReader(MessageBundleTests.class.getResourceAsStream("/" + name),
                    StandardCharsets.UTF_8))) {
                lines.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                        .map(line -> line.substring(0, line.indexOf('=')).strip())
                        .filter(key -> !seen.add(key)).forEach(twice::add);
            }
            assertThat(twice).as(name + ": a second definition silently replaces the first").isEmpty();
        }
    }

    @Test
    void keepsThePlaceholdersOfEachTextInBothLanguages() throws IOException {
        Properties english = load("messages.properties");
        Properties urdu = load("messages_ur.properties");
        for (String key : english.stringPropertyNames()) {
            for (int i = 0; i < 3; i++) {
                // {0} or a formatted one: {0,number,integer}, {1,choice,…}
                java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{" + i + "[,}]");
                assertThat(placeholder.matcher(urdu.getProperty(key)).find()).as(key + " {" + i + "}")
                        .isEqualTo(placeholder.matcher(english.getProperty(key)).find());
            }
        }
    }

    @Test
    void namesEveryValueOfTheListsThePagesShowInWords() throws IOException {
        Properties english = load("messages.properties");
        java.util.Map<String, Class<? extends Enum<?>>> shown = new java.util.HashMap<>(java.util.Map.of(
                "tier.", io.partnerpulse.partner.PartnerTier.class, "partnerStatus.", io.partnerpulse.partner.PartnerStatus.class,
                "channelType.", io.partnerpulse.marketing.ChannelType.class, "targetScope.", io.partnerpulse.target.TargetScope.class,
                "targetMetric.", io.partnerpulse.target.TargetMetric.class, "leadStatus.", io.partnerpulse.lead.LeadStatus.class,
                "registrations.outcome.", io.partnerpulse.deal.RegistrationOutcome.class, "users.role.", io.partnerpulse.security.Role.class,
                "stage.", io.partnerpulse.deal.Stage.class));
        shown.put("fundRequestStatus.", io.partnerpulse.fund.RequestStatus.class);
        shown.put("fundClaimStatus.", io.partnerpulse.fund.ClaimStatus.class);
        shown.put("reports.frequency.", io.partnerpulse.report.ReportFrequency.class);
        shown.put("notifications.kind.", io.partnerpulse.notification.NotificationKind.class);
        shown.forEach((prefix, type) -> {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(english.getProperty(prefix + value.name())).as(prefix + value.name()).isNotBlank();
            }
        });
    }
}
