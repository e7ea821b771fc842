package dev.ssokit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of option values every command shares (--root, --topology, feature paths): one wording everywhere. */
final class Options {
    private static final Pattern WITH_LINES = Pattern.compile("^(.+?\\.feature)((?::\\d+)+)$");

    private Options() {
    }

    /** --root: an existing folder, absolute and normalised. */
    static Path root(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("--root " + root + ": no such folder (give the kit's folder, which "
                    + "holds features/ and stubs/)");
        }
        return absolute;
    }

    /** --topology distinct|co-resident: true for co-resident. */
    static boolean coResident(String topology) {
        return switch (topology) {
            case "distinct" -> false;
            case "co-resident" -> true;
            default -> throw new IllegalArgumentException("--topology takes distinct or co-resident, not '" + topology
                    + "'");
        };
    }

    /**
     * A FEATURE argument: a file, a folder or file.feature:LINE[:LINE...] (the form the kit's FAIL lines print,
     * relative to the kit's folder). Relative paths are taken from the current folder, or else from --root.
     */
    static Path feature(String argument, Path root) {
        Matcher lines = WITH_LINES.matcher(argument);
        String file = lines.matches() ? lines.group(1) : argument;
        String suffix = lines.matches() ? lines.group(2) : "";
        Path path = Path.of(file);
        if (!path.isAbsolute() && !Files.exists(path) && Files.exists(root.resolve(path))) {
            path = root.resolve(path);
        }
        return Path.of(path.toAbsolutePath().normalize() + suffix);
    }

    /** Positive whole seconds, e.g. --seconds. */
    static long positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
        return value;
    }

    /** --target of run, record, drift and preflight: lab:NAME means targets/NAME.yaml under the kit's folder. */
    static Path targetFile(String spec, Path root) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--target needs lab:NAME (targets/NAME.yaml) or a target file's path");
        }
        return spec.startsWith("lab:") ? root.resolve("targets").resolve(spec.substring(4) + ".yaml") : Path.of(spec);
    }

    static List<String> topologies() {
        return List.of("distinct", "co-resident");
    }
}
