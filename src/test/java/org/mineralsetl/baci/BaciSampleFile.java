package org.mineralsetl.baci;

import com.opencsv.CSVReaderHeaderAware;
import org.springframework.core.io.ClassPathResource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a BACI-shaped file (t,i,j,k,v,q) for the benchmark and the tests: real BACI country codes and real
 * HS 2017 product codes (both V202301 tables shipped in reference/), sorted by exporter, importer and product
 * as BACI delivers, big exporters trading more pairs and products (Zipf-like), values in thousands of USD with
 * 3 decimals spread over six orders of magnitude, about 4% of quantities blank. Deterministic for a seed.
 */
public final class BaciSampleFile {

    private BaciSampleFile() {
    }

    /** Writes {@code rows} data rows of year {@code year} to {@code file}; returns the rows written. */
    public static long write(Path file, long rows, int year, long seed) {
        // one code per country: the table also lists historical codes of the same ISO3 (280 and 276 Germany)
        List<String> countries = new ArrayList<>();
        java.util.Set<String> iso3s = new java.util.HashSet<>();
        List<String> iso3 = column("reference/baci-country-codes-V202301.csv", "iso_3digit_alpha");
        List<String> codes = column("reference/baci-country-codes-V202301.csv", "country_code");
        for (int c = codes.size() - 1; c >= 0; c--) {
            if (iso3.get(c).equals("N/A") || iso3s.add(iso3.get(c))) {
                countries.add(codes.get(c));
            }
        }
        countries.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        List<String> products = column("reference/baci-product-codes-HS17-V202301.csv", "code").stream()
                .map(BaciItemProcessor::hsCode).sorted().toList();
        SplittableRandom random = new SplittableRandom(seed);
        // one pass at density 1 gives about 3.1M rows; denser passes for bigger files (a BACI year is ~11M)
        double density = Math.max(0.05, rows * 1.2 / 3.1e6);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("t,i,j,k,v,q\n");
            StringBuilder line = new StringBuilder(64);
            outer:
            while (true) {
                for (int ei = 0; ei < countries.size(); ei++) {
                    // exporter rank weight ~ 1/(rank+1)^0.6, shuffled over the code list by a fixed permutation
                    double exporterWeight = Math.pow(1.0 / (1 + (ei * 7919L) % countries.size()), 0.6);
                    for (int ii = 0; ii < countries.size(); ii++) {
                        if (ii == ei || random.nextDouble() > Math.min(1.0, 4.0 * exporterWeight * Math.sqrt(density))) {
                            continue;
                        }
                        double share = Math.min(0.9, Math.pow(density, 0.8) * exporterWeight * (0.05 + random.nextDouble() * 0.4));
                        int stride = Math.max(1, (int) Math.round(1 / share));
                        for (int p = random.nextInt(stride); p < products.size(); p += 1 + random.nextInt(2 * stride)) {
                            line.setLength(0);
                            line.append(year).append(',').append(countries.get(ei)).append(',')
                                    .append(countries.get(ii)).append(',').append(products.get(p)).append(',');
                            appendThousands(line, Math.exp(random.nextDouble() * 14 - 5));
                            line.append(',');
                            if (random.nextInt(25) != 0) {
                                appendThousands(line, Math.exp(random.nextDouble() * 12 - 6));
                            }
                            line.append('\n');
                            out.append(line);
                            if (++written == rows) {
                                break outer;
                            }
                        }
                    }
                }
                year++; // more rows than one pass gives: go on with the next year (keys stay unique)
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static void appendThousands(StringBuilder sb, double value) {
        long milli = Math.max(1, Math.round(value * 1000));
        sb.append(milli / 1000).append('.');
        long frac = milli % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private static List<String> column(String resource, String name) {
        List<String> values = new ArrayList<>();
        try (var reader = new CSVReaderHeaderAware(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, String> row;
            while ((row = reader.readMap()) != null) {
                values.add(row.get(name).trim());
            }
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        return values;
    }
}
