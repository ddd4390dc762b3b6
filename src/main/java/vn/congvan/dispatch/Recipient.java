package vn.congvan.dispatch;

/**
 * One printed line of "Kính gửi" or "Nơi nhận" as the drafter gives it: a unit, a group of units, or only text
 * ("Như trên", "Lưu Ban Tuyên giáo Quận ủy").
 */
public record Recipient(String printedText, Long unitId, Long groupId) {

    public Recipient {
        if (printedText == null || printedText.isBlank()) {
            throw new IllegalArgumentException("A recipient line needs its printed text");
        }
        if (unitId != null && groupId != null) {
            throw new IllegalArgumentException("A recipient line names a unit or a group, not both");
        }
    }

    public static Recipient text(String printedText) {
        return new Recipient(printedText, null, null);
    }

    public static Recipient unit(String printedText, Long unitId) {
        return new Recipient(printedText, unitId, null);
    }

    public static Recipient group(String printedText, Long groupId) {
        return new Recipient(printedText, null, groupId);
    }
}
