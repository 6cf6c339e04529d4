package org.mineralsetl.warehouse;

import org.springframework.batch.core.job.Job;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * An import the command line offers ({@code jobs/etl import <name> <file>...}) and that {@code run-all}
 * picks for the files it recognises by name.
 *
 * @param order      run-all imports kinds in this order
 * @param inspector  looks at a recognised file before it is launched (run-all reports a refusal instead of launching)
 */
public record ImportKind(String name, String description, Job job, Predicate<Path> recognises,
                         FileInspector inspector, int order) {
}
