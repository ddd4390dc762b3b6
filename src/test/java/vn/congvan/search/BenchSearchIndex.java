package vn.congvan.search;

/** Lets the benchmark loader ({@code vn.congvan.bench.CityLoader}) fill search_document exactly as SearchIndex does. */
public final class BenchSearchIndex {

    public static final int MAX_INDEXED_TEXT = SearchIndex.MAX_INDEXED_TEXT;

    /** How many of the newest documents are marked recent, and the statement that marks them (its parameter: less one). */
    public static final int RECENT = SearchIndex.RECENT;

    public static final String KEEP_RECENT = SearchIndex.KEEP_RECENT;

    private BenchSearchIndex() {}

    public static String numberKey(String notation) {
        return SearchIndex.numberKey(notation);
    }

    public static String indexable(String text) {
        return SearchIndex.indexable(text);
    }
}
