package org.mineralsetl.report;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.indicator.IndicatorRunner;
import org.mineralsetl.scenario.ScenarioRunner;
import org.mineralsetl.scenario.ShockParameters;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report gains a Scenarios sheet and the imports-lost chart once a scenario run exists, and not before. */
class ScenarioReportIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    IndicatorRunner indicators;

    @Autowired
    ScenarioRunner scenarios;

    @Autowired
    ReportWriter writer;

    @TempDir
    Path dir;

    @Test
    void addsTheScenarioSheetAndChartOnlyWhenRunsExist() throws IOException {
        importFile("usgs-world", MCS2024.resolve("world/mcs2024-raree_world.csv"));
        importFile("comtrade", Path.of("input-samples/comtrade/v1_api/heavy_ree_trade_data.csv"));
        assertThat(indicators.run().ok()).isTrue();

        writer.write(dir.resolve("before"));
        assertThat(dir.resolve("before").resolve(ScenarioChart.FILE)).doesNotExist();
        try (Workbook wb = WorkbookFactory.create(dir.resolve("before").resolve(ReportWriter.WORKBOOK).toFile())) {
            assertThat(wb.getSheet("Scenarios")).isNull();
        }

        scenarios.shock(new ShockParameters(List.of("rare_earths"), List.of("CHN"), new BigDecimal("50"), null, null, "half"));
        ReportWriter.Written w = writer.write(dir.resolve("after"));
        try (Workbook wb = WorkbookFactory.create(dir.resolve("after").resolve(ReportWriter.WORKBOOK).toFile())) {
            Sheet sheet = wb.getSheet("Scenarios");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(jdbc.queryForObject("select count(*) from indicator.v_scenario_result", Integer.class));
            assertThat(wb.getSheetName(wb.getNumberOfSheets() - 1)).isEqualTo("Sources");
        }
        assertThat(ImageIO.read(dir.resolve("after").resolve(ScenarioChart.FILE).toFile())).isNotNull();
        assertThat(w.files()).contains(dir.resolve("after").resolve(ScenarioChart.FILE));
        assertThat(Files.readString(dir.resolve("after").resolve("index.html"), StandardCharsets.UTF_8))
                .contains("<img src=\"" + ScenarioChart.FILE + "\"");
    }
}
