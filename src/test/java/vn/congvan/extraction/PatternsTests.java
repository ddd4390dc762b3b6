package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternsTests {

    @Test
    void aConstantPatternIsCompiledOnceAndKept() {
        assertThat(Patterns.pattern("(?<=\\S)[ ]+(K[íi]nh gửi\\s*:)"))
                .isSameAs(Patterns.pattern("(?<=\\S)[ ]+(K[íi]nh gửi\\s*:)"));
    }

    @Test
    void patternsPastTheCapStillWorkButAreNotKept() {
        Patterns patterns = new Patterns(3);
        for (int i = 0; i < 3; i++) {
            assertThat(patterns.compiled("x{" + i + "}")).isSameAs(patterns.compiled("x{" + i + "}"));
        }
        String late = "y{20}z";
        assertThat(patterns.compiled(late).matcher("y".repeat(20) + "z").matches())
                .isTrue();
        assertThat(patterns.compiled(late)).isNotSameAs(patterns.compiled(late));
    }
}
