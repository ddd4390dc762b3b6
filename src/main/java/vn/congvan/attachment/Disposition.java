package vn.congvan.attachment;

/** Whether the browser shows a file ("Xem") or saves it ("Tải về"). */
public enum Disposition {
    INLINE("inline"),
    ATTACHMENT("attachment");

    final String type;

    Disposition(String type) {
        this.type = type;
    }
}
