package dev.ssokit.conformance.checks;

/** R6: a redirect loop ends within about 20 hops with a failure that says so. */
public record EnsureRedirectLoopStopped(String requirement, String pathPrefix, int maxRequests) implements Check {
    public Severity severity() {
        return Severity.FAIL;
    }

    public String rule() {
        return "A redirect loop is stopped within " + maxRequests + " requests and reported as an error";
    }

    public Verdict evaluate(Evidence evidence) {
        long requests = evidence.where(e -> e.path().startsWith(pathPrefix)).size();
        if (requests > maxRequests) {
            return Verdict.fail("at most " + maxRequests + " requests in the loop", requests + " requests");
        }
        return Verdict.of(evidence.lastFailure().isPresent(), "a reported failure",
                "the client reported success after " + requests + " requests");
    }
}
