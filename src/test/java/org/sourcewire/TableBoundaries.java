package org.sourcewire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Which module owns each table, and where main code names another module's table in its SQL. Modulith sees Java
 * types only; a module that reads another's table in SQL depends on it just as much, so such a read must go to a
 * module it declares (ideally through a view or method that module offers).
 *
 * <p>A table or view belongs to the module of the migration that creates it ({@code V<n>__<module>_….sql}). A
 * migration of module M hands a table to M with {@code comment on table t is 'Owned by M…'}.
 */
final class TableBoundaries {

    private static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");
    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern HANDED_OVER = Pattern.compile(
            "(?i)\\bcomment\\s+on\\s+(?:table|view)\\s+([a-z_][a-z0-9_]*)\\s+is\\s+'owned by (?:the )?([a-z]+)\\b");
    /** A table named where SQL names one: after FROM, JOIN, INTO, UPDATE, TABLE (and the second of "from a x, b"). */
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)"
                    + "(?:\\s+(?:as\\s+)?(?!where\\b|on\\b|join\\b|left\\b|inner\\b|cross\\b|order\\b|group\\b|limit\\b)[a-z_][a-z0-9_]*)?"
                    + "(?:\\s*,\\s*([a-z_][a-z0-9_]*))?");
    private static final Pattern ENTITY_TABLE = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");

    /** One module's SQL naming a table of another module it does not declare. */
    record Crossing(String module, String file, String table, String owner) {
        @Override
        public String toString() {
            return module + " names " + table + " (owned by " + owner + ") in " + file;
        }
    }

    private TableBoundaries() {
    }

    /** Table or view name → owning module, from the migration folder. */
    static Map<String, String> owners(Path migrations) {
        Map<String, String> owners = new TreeMap<>();
        List<Path> files = list(migrations).stream()
                .filter(file -> MIGRATION.matcher(file.getFileName().toString()).matches())
                .sorted((a, b) -> Integer.compare(version(a), version(b)))
                .toList();
        for (Path file : files) {
            Matcher name = MIGRATION.matcher(file.getFileName().toString());
            name.matches();
            String module = name.group(1);
            String sql = read(file);
            Matcher created = CREATED.matcher(sql);
            while (created.find()) {
                owners.putIfAbsent(created.group(1).toLowerCase(), module);
            }
            Matcher handed = HANDED_OVER.matcher(sql);
            while (handed.find()) {
                if (!handed.group(2).equalsIgnoreCase(module)) {
                    throw new IllegalStateException(file.getFileName() + " hands " + handed.group(1) + " to "
                            + handed.group(2) + ": only a migration of the new owner may take a table over");
                }
                owners.put(handed.group(1).toLowerCase(), module);
            }
        }
        return owners;
    }

    /** Every place main code names a table of a module that is neither its own nor one it declares. */
    static List<Crossing> undeclared(ApplicationModules modules, Path sources, String basePackage, Path migrations) {
        Map<String, String> owners = owners(migrations);
        Path base = sources.resolve(basePackage.replace('.', '/'));
        List<Crossing> crossings = new ArrayList<>();
        for (Path file : list(base)) {
            if (!file.toString().endsWith(".java") || file.getParent().equals(base)) {
                continue;
            }
            String module = base.relativize(file).getName(0).toString();
            ApplicationModule applicationModule = modules.getModuleByName(module)
                    .orElseThrow(() -> new IllegalStateException("no module " + module + " for " + file));
            Set<String> allowed = applicationModule.getAllowedDependencies(modules).stream()
                    .map(dependency -> dependency.getTargetModule().getIdentifier().toString())
                    .collect(Collectors.toSet());
            for (String table : tablesNamed(read(file), owners.keySet())) {
                String owner = owners.get(table);
                if (!owner.equals(module) && !allowed.contains(owner)) {
                    crossings.add(new Crossing(module, base.relativize(file).toString(), table, owner));
                }
            }
        }
        return crossings;
    }

    /** The known tables a Java source names in the SQL of its string literals and text blocks, or maps as entities. */
    static Set<String> tablesNamed(String java, Set<String> tables) {
        Set<String> named = new TreeSet<>();
        for (String literal : literals(java)) {
            Matcher matcher = NAMED.matcher(literal);
            while (matcher.find()) {
                for (int group = 1; group <= 2; group++) {
                    String name = matcher.group(group);
                    if (name != null && tables.contains(name.toLowerCase())) {
                        named.add(name.toLowerCase());
                    }
                }
            }
        }
        Matcher entity = ENTITY_TABLE.matcher(java);
        while (entity.find()) {
            if (tables.contains(entity.group(1))) {
                named.add(entity.group(1));
            }
        }
        return named;
    }

    /** String literals and text blocks of a Java source, skipping comments and char literals. */
    static List<String> literals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                i = java.indexOf('\n', i);
                i = i < 0 ? n : i;
            }
            else if (java.startsWith("/*", i)) {
                i = java.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            }
            else if (java.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !(java.startsWith("\"\"\"", end) && java.charAt(end - 1) != '\\')) {
                    end++;
                }
                literals.add(java.substring(i + 3, Math.min(end, n)));
                i = end + 3;
            }
            else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && java.charAt(end) != c && java.charAt(end) != '\n') {
                    end += java.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(java.substring(i + 1, Math.min(end, n)));
                }
                i = end + 1;
            }
            else {
                i++;
            }
        }
        return literals;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
