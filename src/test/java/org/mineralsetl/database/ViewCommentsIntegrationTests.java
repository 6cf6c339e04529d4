package org.mineralsetl.database;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Analysts read the public views through their comments: every view and every column of one says what it holds. */
class ViewCommentsIntegrationTests extends WarehouseIntegrationTest {

    @Test
    void everyPublicViewColumnHasAComment() {
        assertThat(jdbc.queryForList("""
                select format('%s.%s.%s', n.nspname, c.relname, a.attname)
                from pg_class as c
                join pg_namespace as n on n.oid = c.relnamespace
                join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where c.relkind in ('v', 'm')
                  and n.nspname in ('warehouse', 'indicator', 'ref')
                  and c.relname like 'v\\_%'
                  and coalesce(col_description(c.oid, a.attnum), '') = ''
                order by 1""", String.class)).isEmpty();
    }

    @Test
    void everyPublicViewHasAComment() {
        assertThat(jdbc.queryForList("""
                select format('%s.%s', n.nspname, c.relname)
                from pg_class as c
                join pg_namespace as n on n.oid = c.relnamespace
                where c.relkind in ('v', 'm')
                  and n.nspname in ('warehouse', 'indicator', 'ref')
                  and c.relname like 'v\\_%'
                  and coalesce(obj_description(c.oid, 'pg_class'), '') = ''
                order by 1""", String.class)).isEmpty();
    }
}
