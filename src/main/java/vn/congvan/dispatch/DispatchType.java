package vn.congvan.dispatch;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Loại văn bản: CV / Công văn, NQ / Nghị quyết... Reference data owned by the migrations. */
@Entity
@Table(name = "dispatch_type")
class DispatchType {

    @Id
    private String code;

    private String name;

    /** The capital title printed in the middle ("KẾ HOẠCH"); none for a công văn, whose subject sits under the number. */
    private String title;

    /** Whether the type addresses its recipients under "Kính gửi" (a công văn, a tờ trình, a giấy mời). */
    private boolean usesAddressees;

    protected DispatchType() {}

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getTitle() {
        return title;
    }

    boolean usesAddressees() {
        return usesAddressees;
    }
}
