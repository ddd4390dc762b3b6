package vn.congvan.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitSummary;

/** The editable description of a unit, with the version the administrator started from. */
public class UnitEditForm {

    @NotBlank
    @Size(max = 255)
    private String name;

    @Size(max = 120)
    private String shortName;

    @Size(max = 20)
    private String symbolCode;

    @Size(max = 120)
    private String placeName;

    private long version;

    static UnitEditForm of(UnitSummary unit, long version) {
        UnitEditForm form = new UnitEditForm();
        form.name = unit.name();
        form.shortName = unit.shortName();
        form.symbolCode = unit.symbolCode();
        form.placeName = unit.placeName();
        form.version = version;
        return form;
    }

    UnitDetails details() {
        return new UnitDetails(name, shortName, symbolCode, placeName);
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

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
