package org.sourcewire;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableBoundariesTests {

    private static final Set<String> TABLES = Set.of("pitch", "topic", "journalist_query", "strike", "account");

    @Test
    void findsTablesInTextBlocksStringsCommaJoinsAndEntities() {
        String java = "class A {\n"
                + "  static final String SQL = \"\"\"\n      select * from journalist_query jq, topic t\n      \"\"\";\n"
                + "  String more = \" and not exists (select 1 from pitch p where p.id = 1)\";\n"
                + "}\n@Table(name = \"strike\") class B {}\n";

        assertThat(TableBoundaries.tablesNamed(java, TABLES)).containsExactly("journalist_query", "pitch", "strike", "topic");
    }

    @Test
    void ignoresCommentsCharLiteralsAndWordsThatAreNotSql() {
        String java = "class A {\n  // select * from pitch\n  /* join topic */\n  char q = '\"';\n"
                + "  String message = \"Pick a topic for your account\";\n  String sql = \"select 1 from account\";\n}\n";

        assertThat(TableBoundaries.tablesNamed(java, TABLES)).containsExactly("account");
    }
}
