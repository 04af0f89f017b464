package io.partnerpulse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TickedRowsTests {

    @Test
    void readsEachTickedIdOnceWithTheVersionThePageShowed() {
        assertThat(TickedRows.parse(Arrays.asList("7:3", "9", "7:5", " 11 : 2 ")))
                .containsExactly(new TickedRows.Row(7, 3), new TickedRows.Row(9, -1), new TickedRows.Row(11, 2));
    }

    @Test
    void namesNoRowForAValueThePageDidNotWrite() {
        assertThat(TickedRows.parse(Arrays.asList(":", "", "::", "abc", "1:x", "99999999999999999999:0", ":4"))).isEmpty();
        assertThat(TickedRows.parse(null)).isEmpty();
    }
}
