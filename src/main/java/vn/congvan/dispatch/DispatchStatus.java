package vn.congvan.dispatch;

public enum DispatchStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
