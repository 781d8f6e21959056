package org.sourcewire.digests;

/**
 * The three daily editions; the column of {@code digest_preference} that holds a source's choice, and the keys of
 * {@code messages.properties} for the edition's name in a digest and its mail's subject.
 */
enum Edition {
    MORNING("morning", "digests.text.edition.morning", "mail.digest.subject.morning"),
    MIDDAY("midday", "digests.text.edition.midday", "mail.digest.subject.midday"),
    EVENING("evening", "digests.text.edition.evening", "mail.digest.subject.evening");

    private final String column;
    private final String name;
    private final String subject;

    Edition(String column, String name, String subject) {
        this.column = column;
        this.name = name;
        this.subject = subject;
    }

    String column() {
        return column;
    }

    /** The key of the edition's name with its date, e.g. "Tuesday 7 April, morning edition". */
    String nameKey() {
        return name;
    }

    /** The key of a digest mail's subject, with the number of queries. */
    String subjectKey() {
        return subject;
    }
}
