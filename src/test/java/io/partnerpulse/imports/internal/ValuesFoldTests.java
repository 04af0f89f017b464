package io.partnerpulse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Folding spelling variants together, written as a loop, does what its regular expression said. */
class ValuesFoldTests {

    @Test
    void spellingVariantsOfOneNameFoldTogether() {
        assertThat(Values.fold("GTX Pro")).isEqualTo("gtxpro").isEqualTo(Values.fold("GTXPro")).isEqualTo(Values.fold("gtx-pro"));
        assertThat(Values.fold("Closed/Won")).isEqualTo("closedwon");
        assertThat(Values.fold(" organic_search.\t")).isEqualTo("organicsearch");
        assertThat(Values.fold("prospecting")).isEqualTo("prospecting");
        assertThat(Values.fold("")).isEmpty();
    }

    @Property(tries = 3000)
    void aFoldedValueIsTheLowerCaseValueWithoutSpacesUnderscoresHyphensDotsOrSlashes(@ForAll("cells") String cell) {
        assertThat(Values.fold(cell)).isEqualTo(cell.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-./]+", ""));
    }

    @Provide
    Arbitrary<String> cells() {
        // the separators, other white space (not folded: \s has no Unicode classes) and letters that change length in lower case
        return Arbitraries.strings().withChars(" \t\n\u000b\f\r_-./,;\u00a0\u2028İÄßaZ09").ofMaxLength(12);
    }
}
