package vn.congvan.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;

/** A new unit, as the administrator types it. Limits follow the columns of {@code unit}. */
public class UnitForm {

    private Long parentId;

    @NotNull
    private UnitKind kind;

    @NotBlank
    @Size(max = 35)
    @Pattern(regexp = "[A-Za-z0-9._-]*")
    private String code;

    @NotBlank
    @Size(max = 255)
    private String name;

    @Size(max = 120)
    private String shortName;

    @Size(max = 20)
    private String symbolCode;

    @Size(max = 120)
    private String placeName;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;

    UnitDetails details() {
        return new UnitDetails(name, shortName, symbolCode, placeName);
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public UnitKind getKind() {
        return kind;
    }

    public void setKind(UnitKind kind) {
        this.kind = kind;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getShortName() {
        return shortName;
    }

    public void setShortName(String shortName) {
        this.shortName = shortName;
    }

    public String getSymbolCode() {
        return symbolCode;
    }

    public void setSymbolCode(String symbolCode) {
        this.symbolCode = symbolCode;
    }

    public String getPlaceName() {
        return placeName;
    }

    public void setPlaceName(String placeName) {
        this.placeName = placeName;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }
}
