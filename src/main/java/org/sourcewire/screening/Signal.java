package org.sourcewire.screening;

/**
 * One measurement screening takes of a pitch; the model ({@link ScreeningModel}) weighs them into the score. Each says
 * in words what it means for a journalist when it pulls the score down ({@code low}) or up ({@code high}).
 */
enum Signal {

    ANSWERED("half or fewer of the questions are answered", "answers every question", false, 0.5),
    UNANSWERED("most of the questions are not answered", null),
    THIN("half or more of the questions get a few words at most", null),
    LONG("long: 150–200 words work best", null),
    DIRECT_MIN("a question is not answered directly", "each answer meets its question"),
    DIRECT_MEAN("the answers are not about what was asked", "the answers meet their questions"),
    DEFLECTING("points elsewhere (a call, a website) instead of answering", null),
    SELLING("reads like an advertisement", null),
    // Counted in links, sign-ups and offers: one may be a citation's address, two make a promotion.
    PROMOTION("promotes a product or service (a link, a sign-up, an offer)", null, true, 2),
    // Fewer than usual is said as "few or no": "nothing" is not true of a pitch with one figure.
    SPECIFICS("few or no checkable specifics: figures, names, places", "checkable specifics: figures, names, places"),
    SPECIFIC_ANSWERS("some answers hold nothing specific", "every answer holds something specific"),
    DENSITY("few checkable details for its length", "dense with checkable detail"),
    GROUNDED("few or no figures from the source's own work or from a named source",
            "figures from the source's own work or named sources"),
    BARE_FIGURES("figures with nobody's work or name behind them", null),
    // Said from three "you"s (a value of 1): "as you asked" is not advice.
    YOU("general advice to the reader", null, true, 1),
    // Said from three hedges (0.75).
    HEDGING("hedged, general statements", null, true, 0.75),
    UNSOURCED_FIGURES("figures without a source (\"studies show…\")", null),
    STATISTIC_CLAIMS("sweeping statistics with no source or first-hand basis", null),
    REQUIREMENTS("does not state what the requirements ask for", "states what the requirements ask for"),
    ECHO("repeats the question's words", null),
    // Said from two restated runs: one may be a quotation of the question.
    RESTATES("restates the questions instead of answering them", null, true, 2),
    GENERIC("on topic but generic: nothing specific", null),
    OFF_TOPIC("the answers are about something else", null),
    REPEATS("repeats itself", null),
    VARIETY("says little in many words", "varied and dense"),
    TEMPLATE("the same text this source sent to other queries", null),
    COPY("the same text as another source's pitch", null),
    // The nearest other source's pitch in meaning: said only from the cosine at which screening calls it a rewording
    // (two experts answering one question are closer than usual without one rewording the other). Either pitch may be
    // the original, so it says what they share, not who took from whom. (ScreeningService.PARAPHRASE must stay a
    // compile-time constant: an enum constant is built before other classes' static initialisers run.)
    PARAPHRASE("says what another source's pitch says, in other words", null, true, ScreeningService.PARAPHRASE),
    // How many pitches of other sources are that close.
    PARAPHRASES("says what other sources' pitches say, in other words", null),
    FILLER("stock phrases of mass-written pitches", null),
    WORDING("worded like machine-written, template or sales pitches", "worded like an expert's own answer", true);

    private final String low;
    private final String high;
    /** A "bad" signal (selling, copying …): it lowers the score when it is high. */
    private final boolean higherIsWorse;
    /**
     * Where {@code low} becomes true of the pitch: for a bad signal the least value (below it, nothing is said), for a
     * good one the greatest ("no figures" is said of none, not of fewer than usual).
     */
    private final double lowFrom;

    Signal(String low, String high) {
        this(low, high, high == null);
    }

    Signal(String low, String high, boolean higherIsWorse) {
        this(low, high, higherIsWorse, higherIsWorse ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }

    /**
     * {@code low}: said when the signal pulls the score down; {@code high}: when it pulls it up (null: nothing worth
     * saying); {@code higherIsWorse}: whether a higher value than usual is the bad side; {@code lowFrom}: where
     * {@code low} becomes true (the least value of a bad signal, the greatest of a good one).
     */
    Signal(String low, String high, boolean higherIsWorse, double lowFrom) {
        this.low = low;
        this.high = high;
        this.higherIsWorse = higherIsWorse;
        this.lowFrom = lowFrom;
    }

    /** The signal's name in the model file and in stored signals, e.g. {@code direct_min}. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What a value of this signal means for the pitch, said to a journalist: {@code lowers} is true when it pulled the
     * score down. Null when there is nothing worth saying (e.g. "not an advertisement").
     */
    String reason(boolean lowers, double value, double usual) {
        // Said only when the pull and the value agree: a bad signal lowers the score by being higher than usual, a good
        // one by being lower (the other way round, it pulls the score up).
        boolean badSide = worse(value, usual);
        if (lowers) {
            return badSide && (higherIsWorse ? value >= lowFrom : value <= lowFrom) ? low : null;
        }
        return badSide ? null : high;
    }

    /** Whether this value is on the signal's bad side of the usual one (more sales talk, fewer specifics …). */
    boolean worse(double value, double usual) {
        return higherIsWorse == (value > usual);
    }
}
