package dev.safeguard.backup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed arguments of a {@code backup} command, checked against what that command accepts: the sub-command, its
 * positional arguments and its {@code --option VALUE} (or {@code --option=VALUE}) options. Anything else is
 * {@link Invalid}, with a message that says what to fix.
 */
record CommandArguments(String command, List<String> positionals, Map<String, String> options) {

    /** The arguments are not what the command accepts. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private record Shape(int positionals, String positionalName, Set<String> options) {
    }

    private static final Map<String, Shape> SHAPES = Map.of(
            "create", new Shape(0, null, Set.of("--to")),
            "verify", new Shape(1, "the backup directory", Set.of()),
            "restore", new Shape(1, "the backup directory", Set.of("--data-dir", "--checkpoint-file", "--keys-dir",
                    "--db-url", "--db-username")),
            "list", new Shape(0, null, Set.of()),
            "keys", new Shape(0, null, Set.of("--to")),
            "keys restore", new Shape(1, "the key backup file", Set.of("--keys-dir")));

    static CommandArguments parse(List<String> args) {
        if (args.isEmpty()) {
            throw new Invalid("Name a backup command: create, verify, restore, list or keys");
        }
        String command = args.get(0);
        int next = 1;
        if (command.equals("keys") && args.size() > 1 && args.get(1).equals("restore")) {
            command = "keys restore";
            next = 2;
        }
        Shape shape = SHAPES.get(command);
        if (shape == null) {
            throw new Invalid("Unknown backup command '" + printable(command) + "'; use create, verify, restore, list "
                    + "or keys");
        }
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = next; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                if (!shape.options().contains(name)) {
                    throw new Invalid("backup " + command + " has no option " + printable(name)
                            + (shape.options().isEmpty() ? "" : "; it accepts " + String.join(", ",
                            new java.util.TreeSet<>(shape.options()))));
                }
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new Invalid(name + " needs a value");
                }
                if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
                    throw new Invalid(name + " needs a value without control characters");
                }
                if (options.put(name, value) != null) {
                    throw new Invalid(name + " is given twice");
                }
            } else {
                positionals.add(arg);
            }
        }
        if (positionals.size() != shape.positionals()) {
            throw new Invalid(shape.positionals() == 0 ? "backup " + command + " takes no argument besides its "
                    + "options; got '" + printable(positionals.get(0)) + "'"
                    : "backup " + command + " needs " + shape.positionalName() + (positionals.isEmpty() ? ""
                    : ", once; got " + positionals.size() + " arguments"));
        }
        return new CommandArguments(command, List.copyOf(positionals), Map.copyOf(options));
    }

    String option(String name) {
        return options.get(name);
    }

    Path path(String name) {
        String value = options.get(name);
        return value == null ? null : toPath(value, name);
    }

    Path requiredPath(String name) {
        Path path = path(name);
        if (path == null) {
            throw new Invalid("backup " + command + " needs " + name + " DIR");
        }
        return path;
    }

    Path positional(int index) {
        return toPath(positionals.get(index), "the argument");
    }

    private static Path toPath(String value, String name) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Invalid(name + " is not a valid path: " + printable(value));
        }
    }

    private static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }
}
