package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTests {

    @Test
    void boundsAndCleansWhatIsTypedWhereverTheQueryComesFrom() {
        SearchQuery query = new SearchQuery("tuyên\u0007giáo " + "x".repeat(1_000), null, "CV\t", null, null, null);

        assertThat(query.text()).hasSize(SearchQuery.MAX_TEXT).startsWith("tuyên giáo x");
        assertThat(query.typeCode()).isEqualTo("CV");
        assertThat(new SearchQuery("ban", null, "\u0001", null, null, null).typeCode())
                .isNull();
        assertThat(new SearchQuery(null, null, null, null, null, null).isBlank())
                .isTrue();
    }
}
