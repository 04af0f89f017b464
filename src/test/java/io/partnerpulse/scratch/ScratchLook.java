package io.partnerpulse.scratch;

import io.partnerpulse.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.WebDriver;

@EnabledIfSystemProperty(named = "scratch", matches = "true")
class ScratchLook {
    @Test
    void look() throws Exception {
        WebDriver b = Browser.open();
        String base = "http://localhost:8080";
        Browser.signIn(b, base, "manager@demo.partnerpulse.io", "partnerpulse-demo");
        for (String[] p : new String[][] {{"/onboarding?lang=en", "onboarding"}, {"/pivot?rows=region&columns=quarter&measure=winRate&period=last-year", "pivot-rate"}}) {
            b.get(base + p[0]);
            Thread.sleep(1200);
            Browser.screenshot("scratch-" + p[1]);
        }
        Browser.close();
    }
}
