package io.camelconnectly.simulator;

/**
 * The counts of an {@link EventRun} so far (final once {@code done}).
 *
 * @param events            distinct events the run posts
 * @param started           events posted at least once so far
 * @param duplicated        events posted a second time as a duplicate delivery (the same bytes)
 * @param deliveries        posts in all: first posts, duplicates and redeliveries
 * @param redeliveries      posts that repeated an earlier post of the same delivery after a non-2xx or no answer
 * @param answered2xx       posts answered 2xx
 * @param answered4xx       posts answered 4xx
 * @param answered5xx       posts answered 5xx
 * @param noAnswer          posts with no answer: timeout, connection refused or reset
 * @param eventsAnswered2xx events that got at least one 2xx answer
 * @param eventsGivenUp     events finished without any 2xx answer: every delivery used its attempts (or was cancelled)
 * @param inFlight          posts waiting for an answer now
 * @param waiting           deliveries waiting for a redelivery or a duplicate post now
 * @param elapsedMillis     since the run started (until it finished, once done)
 * @param done              every event finished (answered 2xx or given up) or the run was cancelled
 * @param cancelled         the run was cancelled
 */
public record EventRunTotals(int events, int started, long duplicated, long deliveries, long redeliveries,
                             long answered2xx, long answered4xx, long answered5xx, long noAnswer,
                             long eventsAnswered2xx, long eventsGivenUp, int inFlight, long waiting,
                             long elapsedMillis, boolean done, boolean cancelled) {

    /** One line with the figures, e.g. for a run script's log. */
    public String summary() {
        return "events=" + events + " started=" + started + " duplicated=" + duplicated + " deliveries=" + deliveries
                + " redeliveries=" + redeliveries + " answered2xx=" + answered2xx + " answered4xx=" + answered4xx
                + " answered5xx=" + answered5xx + " noAnswer=" + noAnswer + " eventsAnswered2xx=" + eventsAnswered2xx
                + " eventsGivenUp=" + eventsGivenUp + " elapsedMs=" + elapsedMillis + (done ? cancelled ? " cancelled" : " done" : " running");
    }
}
