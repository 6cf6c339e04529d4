package org.mineralsetl.baci;

import java.util.List;

/** One row of a BACI code table as staged: a country code (table country) or an HS 6-digit product (table product). */
record BaciCodeRow(String codeTable, String baciVersion, String hsRevision, String code, String name, String nameFull,
                   String iso2, String iso3, long rowNumber) {

    static final List<String> STAGING_COLUMNS = List.of("code_table", "baci_version", "hs_revision", "code", "name",
            "name_full", "iso2", "iso3", "row_number");

    Object[] stagingValues() {
        return new Object[]{codeTable, baciVersion, hsRevision, code, name, nameFull, iso2, iso3, rowNumber};
    }
}
