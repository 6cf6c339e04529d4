package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementsTests {

    @Test
    void countsOneStatementWithOrWithoutATrailingSemicolon() {
        assertThat(SqlStatements.count("select 1")).isEqualTo(1);
        assertThat(SqlStatements.count("select 1;  \n")).isEqualTo(1);
        assertThat(SqlStatements.count("select 1; -- done\n")).isEqualTo(1);
    }

    @Test
    void countsStackedStatements() {
        assertThat(SqlStatements.count("select 1; create table x (a int)")).isEqualTo(2);
        assertThat(SqlStatements.count("select 1;select 2;")).isEqualTo(2);
    }

    @Test
    void ignoresSemicolonsInsideQuotesCommentsAndDollarBodies() {
        assertThat(SqlStatements.count("select 'a;b', \"x;y\" from t")).isEqualTo(1);
        assertThat(SqlStatements.count("select 'it''s; fine'")).isEqualTo(1);
        assertThat(SqlStatements.count("select 1 /* ; */ -- ;\n")).isEqualTo(1);
        assertThat(SqlStatements.count("do $$ begin perform 1; end $$")).isEqualTo(1);
        assertThat(SqlStatements.count("do $b$ begin perform 1; end $b$; select 2")).isEqualTo(2);
    }

    @Test
    void countsNothingInBlankText() {
        assertThat(SqlStatements.count(" ; ;")).isZero();
    }
}
