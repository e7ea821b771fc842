package dev.ssokit.labtarget;

import java.util.List;

/** A target file the kit cannot use; each problem names the file, the field and the fix. */
public final class TargetException extends IllegalArgumentException {
    private final List<String> problems;

    TargetException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
