package org.mineralsetl.usgs;

import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.Names;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.Processed;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One row (a year) of a MCS salient table to its statistics in long format: a pure function of the row. */
class UsgsSalientItemProcessor implements ItemProcessor<CsvRecord, Processed<UsgsSalientRow>> {

    private final UsgsFileName file;
    private final UsgsRules rules;
    private UsgsSalientLayout layout;

    UsgsSalientItemProcessor(UsgsFileName file, UsgsRules rules) {
        this.file = file;
        this.rules = rules;
    }

    @Override
    public Processed<UsgsSalientRow> process(CsvRecord record) {
        if (layout == null) {
            layout = UsgsSalientLayout.of(record.file().getFileName().toString(), file.slug(), record.header(), rules);
        }
        List<RejectRow> rejects = new ArrayList<>();
        if (record.lineNumber() == UsgsWorldItemProcessor.FIRST_DATA_LINE) {
            for (UsgsSalientLayout.Unknown u : layout.unknown()) {
                rejects.add(UsgsWorldItemProcessor.columnReject(u.name(), u.reason()));
            }
        }
        String yearText = Names.strip(record.cell(layout.yearColumn()));
        if (!yearText.matches("(19|20)\\d{2}")) {
            rejects.add(new RejectRow(null, record.lineNumber(), "Year", record.rawText(),
                    "Year '" + yearText + "' is not a year"));
            return new Processed<>(List.of(), rejects);
        }
        int year = Integer.parseInt(yearText);
        for (int i = 0; i < record.cells().length; i++) {
            String cell = Names.strip(record.cell(i));
            if ((i >= record.header().size() || layout.unnamed().contains(i)) && !cell.isEmpty()) {
                rejects.add(new RejectRow(null, record.lineNumber(), "#" + (i + 1), record.rawText(),
                        "cell " + (i + 1) + " ('" + cell + "') is under no column name: add the column to ref.usgs_column_override"
                                + " (column_name '') with the name the release's metadata gives it"));
            }
        }
        String commodity = rules.commodity(file.slug());
        List<UsgsSalientRow> rows = new ArrayList<>();
        for (UsgsSalientLayout.Column c : layout.columns()) {
            Optional<UsgsCell> parsed;
            try {
                parsed = UsgsCell.parse(record.cell(c.index()));
            } catch (IllegalArgumentException e) {
                rejects.add(new RejectRow(null, record.lineNumber(), c.name(), record.rawText(),
                        "column " + c.name() + ": " + e.getMessage()));
                continue;
            }
            if (parsed.isEmpty()) {
                continue;
            }
            UsgsCell cell = parsed.get();
            rows.add(new UsgsSalientRow(UsgsWorldItemProcessor.SOURCE, file.edition(), commodity, year, c.measure(),
                    c.detail(), UsgsWorldItemProcessor.tonnes(cell.value(), c.factor()), c.unit(), cell.value(),
                    cell.text(), c.originalUnit(), cell.qualifier(),
                    UsgsWorldItemProcessor.tonnes(cell.lowerBound(), c.factor()),
                    UsgsWorldItemProcessor.tonnes(cell.upperBound(), c.factor()), cell.estimate(), null,
                    record.lineNumber(), c.name()));
        }
        return new Processed<>(rows, rejects);
    }
}
