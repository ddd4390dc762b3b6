package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassageTests {

    @Test
    void aPassageIsEscapedAndOnlyItsMarksBecomeMarkup() {
        assertThat(DispatchSearch.passage("a <b> \uE000từ\uE001 c")).isEqualTo("a &lt;b&gt; <mark>từ</mark> c");
    }

    @Test
    void anOverlongPassageIsCutAndItsLastMarkClosed() {
        String raw = "\uE000" + "x".repeat(5000) + "\uE001 tail";

        String passage = DispatchSearch.passage(raw);

        assertThat(passage).startsWith("<mark>xxx").endsWith("</mark>…").doesNotContain("tail");
        assertThat(passage.length()).isLessThanOrEqualTo(DispatchSearch.MAX_PASSAGE + "<mark></mark>…".length());
    }
}
