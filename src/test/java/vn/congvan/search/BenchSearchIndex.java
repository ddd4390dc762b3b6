package vn.congvan.search;

/** Lets the benchmark loader ({@code vn.congvan.bench.CityLoader}) fill search_document exactly as SearchIndex does. */
public final class BenchSearchIndex {

    public static final int MAX_INDEXED_TEXT = SearchIndex.MAX_INDEXED_TEXT;

    private BenchSearchIndex() {}

    public static String numberKey(String notation) {
        return SearchIndex.numberKey(notation);
    }

    public static String indexable(String text) {
        return SearchIndex.indexable(text);
    }
}
