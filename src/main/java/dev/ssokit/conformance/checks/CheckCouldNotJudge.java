package dev.ssokit.conformance.checks;

/**
 * A check threw instead of judging (a bug in the check, or evidence it cannot read). That is no FAIL: no source
 * says the client is wrong. The scenario ends as an ERROR (nothing judged) and the run says NOT_JUDGED (exit 2),
 * naming the check and the exception. Not an AssertionError on purpose: only a check's verdict is one.
 */
public final class CheckCouldNotJudge extends RuntimeException {
    CheckCouldNotJudge(String message, StackTraceElement[] where) {
        super(message, null, false, true);
        setStackTrace(where);
    }
}
