package org.mineralsetl.wgi;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.Names;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.warehouse.Processed;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row (country x indicator, years as columns) of the World Bank WGI bulk CSV to long format. Empty
 * cells (no estimate that year) are skipped; an unknown country code is a reject with the code.
 */
class WgiItemProcessor implements ItemProcessor<CsvRecord, Processed<WgiRow>> {

    private final CountryResolver countries;

    WgiItemProcessor(CountryResolver countries) {
        this.countries = countries;
    }

    static void checkHeader(String fileName, List<String> header) {
        if (header.indexOf("Country Code") < 0 || header.indexOf("Indicator Code") < 0
                || header.stream().noneMatch(h -> h.matches("(19|20)\\d{2}"))) {
            throw new BadFileException(fileName + ": not a World Bank WGI bulk CSV (expected columns Country Code,"
                    + " Indicator Code and one column per year; found " + String.join(", ", header.subList(0, Math.min(6, header.size()))) + ")");
        }
    }

    @Override
    public Processed<WgiRow> process(CsvRecord record) {
        List<String> header = record.header();
        String code = Names.strip(record.cell(header.indexOf("Country Code")));
        String indicator = Names.strip(record.cell(header.indexOf("Indicator Code")));
        var country = countries.byCode("iso3", code).filter(CountryResolver.Target::isCountry);
        if (country.isEmpty()) {
            return new Processed<>(List.of(), List.of(new RejectRow(null, record.lineNumber(), "Country Code",
                    record.rawText(), "unknown country code '" + code + "': add it to ref.country_alias (alias_kind iso3)")));
        }
        List<WgiRow> rows = new ArrayList<>();
        List<RejectRow> rejects = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).matches("(19|20)\\d{2}")) {
                continue;
            }
            String text = Names.strip(record.cell(i));
            if (text.isEmpty() || text.equals("..")) {
                continue;
            }
            try {
                rows.add(new WgiRow(country.get().iso3(), indicator, Integer.parseInt(header.get(i)),
                        new BigDecimal(text), record.lineNumber()));
            } catch (NumberFormatException e) {
                rejects.add(new RejectRow(null, record.lineNumber(), header.get(i), record.rawText(),
                        "column " + header.get(i) + ": not a number: '" + text + "'"));
            }
        }
        return new Processed<>(rows, rejects);
    }
}
