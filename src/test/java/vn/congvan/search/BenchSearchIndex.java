package vn.congvan.search;

/** Lets the benchmark loader ({@code vn.congvan.bench.CityLoader}) fill search_document exactly as SearchIndex does. */
public final class BenchSearchIndex {

    public static final int MAX_INDEXED_TEXT = SearchIndex.MAX_INDEXED_TEXT;

    /** The statement that marks the newest documents recent, as SearchIndex keeps them (V52). */
    public static String keepRecent() {
        return SearchIndex.keepRecentStatement(SearchIndex.RECENT);
    }

    private BenchSearchIndex() {}

    public static String numberKey(String notation) {
        return SearchIndex.numberKey(notation);
    }

    public static String indexable(String text) {
        return SearchIndex.indexable(text);
    }
}
