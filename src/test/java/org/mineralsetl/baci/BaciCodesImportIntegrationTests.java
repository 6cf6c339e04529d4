package org.mineralsetl.baci;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real BACI V202301 code tables in input-samples/baci. */
class BaciCodesImportIntegrationTests extends WarehouseIntegrationTest {

    @Test
    void loadsProductCodesWithTheirLeadingZerosAndCountryCodesByRelease() {
        ImportLauncher.Outcome p = importFile("baci-codes", Path.of("input-samples/baci/product_codes_HS17_V202301.csv"));
        assertThat(p.status()).as(p.message()).isEqualTo(ImportLauncher.Status.LOADED);
        ImportLauncher.Outcome c = importFile("baci-codes", Path.of("input-samples/baci/country_codes_V202301.csv"));
        assertThat(c.status()).as(c.message()).isEqualTo(ImportLauncher.Status.LOADED);

        assertThat(jdbc.queryForObject("select count(*) from ref.hs_product where hs_revision = 'HS2017' and baci_version = 'V202301'",
                Long.class)).isEqualTo(5384L);
        assertThat(jdbc.queryForObject("select description from ref.hs_product where hs_code = '010121'", String.class))
                .isEqualTo("Horses: live, pure-bred breeding animals");
        assertThat(jdbc.queryForObject("select count(*) from ref.baci_country where baci_version = 'V202301'", Long.class))
                .isEqualTo(238L);
        assertThat(jdbc.queryForObject("select iso3 from ref.baci_country where country_code = 490", String.class))
                .isEqualTo("TWN");
        assertThat(jdbc.queryForObject("select facts_merged from etl.load where load_id = ?", Long.class,
                c.load().orElseThrow().loadId())).isEqualTo(238L);
    }
}
