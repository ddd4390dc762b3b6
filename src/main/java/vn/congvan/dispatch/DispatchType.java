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

    protected DispatchType() {}

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }
}
