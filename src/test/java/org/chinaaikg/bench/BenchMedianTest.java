package org.chinaaikg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Bench.median, which Peers and the saved-query bench take over rounds and starts. */
class BenchMedianTest {
    @Test
    void twoRoundsGiveTheirMeanNotTheLowerOne() {
        assertEquals(2.0, Bench.median(List.of(3.0, 1.0)));
        assertEquals(2.5, Bench.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void anOddCountGivesTheMiddleOneAndNaNsAreLeftOut() {
        assertEquals(2.0, Bench.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(5.0, Bench.median(List.of(Double.NaN, 5.0)));
        assertTrue(Double.isNaN(Bench.median(List.of())));
        assertTrue(Double.isNaN(Bench.median(List.of(Double.NaN))));
    }
}
