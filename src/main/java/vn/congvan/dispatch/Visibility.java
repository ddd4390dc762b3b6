package vn.congvan.dispatch;

/** Who may see a published dispatch: everyone (it also appears in "Tài liệu tuyên truyền"), or its recipients. */
public enum Visibility {
    PUBLIC,
    RESTRICTED
}
