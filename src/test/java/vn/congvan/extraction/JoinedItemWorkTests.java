package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A Kính gửi or Nơi nhận item joined line by line is rebuilt for each line it takes: without a bound on its length
 * ({@code FieldReader.ITEM_MAX}) the characters copied grow with the square of the lines. Counted, not timed: the bytes
 * the reading thread allocates (HotSpot's per-thread count) for an input and for one four times as long must grow
 * about fourfold, not sixteenfold.
 */
class JoinedItemWorkTests {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final String HEAD = """
            UBND TỈNH BẮC GIANG
            SỞ NỘI VỤ
            Số: 12/SNV-VP
            V/v báo cáo số liệu
            """;

    /** "Kính gửi: Ủy ban nhân dân các huyện," then short lines ending with "," (an addressee's enumeration). */
    private static String commaEnded(int lines) {
        return HEAD + "Kính gửi: Ủy ban nhân dân các huyện,\n" + "An Lão,\n".repeat(lines);
    }

    /** "Kính gửi: Hội Nông dân," then lines in small letters, each going on with the same addressee. */
    private static String smallLetters(int lines) {
        return HEAD + "Kính gửi: Hội Nông dân các xã,\n" + "và các chi hội\n".repeat(lines);
    }

    /** "Nơi nhận:", one dashed item, then lines in small letters that continue it. */
    private static String dashedRest(int lines) {
        return HEAD + "Kính gửi: Sở Tài chính.\nNội dung.\nNơi nhận:\n- Như trên\n" + "các phòng\n".repeat(lines);
    }

    private static long allocatedReading(String text) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        FieldReader.read(text);
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }

    private static double growth(IntFunction<String> shape) {
        allocatedReading(shape.apply(200)); // loads the reader's tables, which is no work of the input
        long small = allocatedReading(shape.apply(1_000));
        long large = allocatedReading(shape.apply(4_000));
        return (double) large / small;
    }

    @Test
    void joiningAnAddresseeOfCommaEndedLinesCopiesLinearlyMany() {
        assertThat(growth(JoinedItemWorkTests::commaEnded)).isLessThan(8.0);
    }

    @Test
    void joiningAnAddresseeGoingOnInSmallLettersCopiesLinearlyMany() {
        assertThat(growth(JoinedItemWorkTests::smallLetters)).isLessThan(8.0);
    }

    @Test
    void joiningTheRestOfADashedRecipientCopiesLinearlyMany() {
        assertThat(growth(JoinedItemWorkTests::dashedRest)).isLessThan(8.0);
    }
}
