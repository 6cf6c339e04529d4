package org.mineralsetl.scenario;

/** A finished scenario run: its id, how many result rows it wrote and how long its SQL took. */
public record ScenarioRun(long runId, int results, long millis) {
}
