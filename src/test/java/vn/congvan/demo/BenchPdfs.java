package vn.congvan.demo;

import java.io.IOException;
import java.io.OutputStream;

/** Lets the benchmark loader ({@code vn.congvan.bench.CityLoader}) typeset its PDFs exactly as the demo does. */
public final class BenchPdfs {

    private BenchPdfs() {}

    public static void write(String text, String title, String author, int year, OutputStream out) throws IOException {
        BriefingPdf.write(text, title, author, BriefingPdf.dateOf(year, 1, 15), out);
    }
}
