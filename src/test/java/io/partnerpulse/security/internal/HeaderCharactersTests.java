package io.partnerpulse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The firewall's character rules without regular expressions say what Spring Security's expressions say. */
class HeaderCharactersTests {

    /** StrictHttpFirewall's own expressions (Spring Security 7). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Property(tries = 3000)
    void agreesWithTheFirewallsExpressionsOnAnyText(@ForAll("texts") String text) {
        assertThat(HeaderCharacters.NAME.test(text)).as("name %s", text.codePoints().boxed().toList())
                .isEqualTo(NAME.matcher(text).matches());
        assertThat(HeaderCharacters.VALUE.test(text)).as("value %s", text.codePoints().boxed().toList())
                .isEqualTo(VALUE.matcher(text).matches());
    }

    @Test
    void agreesOnEveryCharacterOfTheBasicPlaneAndOnSurrogatePairs() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "ab" + (char) c + "z";
            assertThat(HeaderCharacters.NAME.test(text)).as("name U+%04X", c).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.VALUE.test(text)).as("value U+%04X", c).isEqualTo(VALUE.matcher(text).matches());
        }
        for (String text : new String[] {"😀", "x\uD83D", "\uDE00x", "\uD83D\uDE00\uD83D", "\uDB40\uDC01"}) {
            assertThat(HeaderCharacters.NAME.test(text)).as(text).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.VALUE.test(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void refusesControlCharactersButATabInAValue() {
        assertThat(HeaderCharacters.VALUE.test("Bearer abc\tdef")).isTrue();
        assertThat(HeaderCharacters.NAME.test("X-Name\t")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("evil\r\nSet-Cookie: x")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("nul\u0000")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("del\u007F")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("Grüße, Ωmega")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("")).isTrue();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> any = Arbitraries.chars();
        Arbitrary<Character> edges = Arbitraries.of('\t', '\n', '\r', '\u0000', '\u007F', '\u0085', '\u009F', '\u00A0', '\uD83D',
                '\uDE00', '\uFFFF', '\u0378', 'a', ' ', '~');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(2, edges))
                .list().ofMaxSize(12).map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }
}
