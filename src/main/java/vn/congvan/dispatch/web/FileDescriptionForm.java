package vn.congvan.dispatch.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.congvan.attachment.AttachmentKind;

/** A draft's file renamed: its title (blank gives back the file's name) and its kind. */
public class FileDescriptionForm {

    @Size(max = 500, message = "{dispatch.files.title.size}")
    private String title;

    @NotNull(message = "{dispatch.files.kind.required}")
    private AttachmentKind kind;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public AttachmentKind getKind() {
        return kind;
    }

    public void setKind(AttachmentKind kind) {
        this.kind = kind;
    }
}
