package org.mineralsetl.warehouse;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The load a job execution works for, as the prepare step left it in the job's execution context:
 * load id, source file id, file name and edition.
 */
public record LoadContext(long loadId, long sourceFileId, String fileName, String edition, long jobExecutionId) {

    static final String LOAD_ID = "loadId";
    static final String SOURCE_FILE_ID = "sourceFileId";
    static final String FILE_NAME = "fileName";
    static final String EDITION = "edition";

    public static LoadContext of(JobExecution execution) {
        ExecutionContext ctx = execution.getExecutionContext();
        return new LoadContext(ctx.getLong(LOAD_ID), ctx.getLong(SOURCE_FILE_ID), ctx.getString(FILE_NAME),
                ctx.getString(EDITION, null), execution.getId());
    }
}
