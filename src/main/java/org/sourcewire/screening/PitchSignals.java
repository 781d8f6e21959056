package org.sourcewire.screening;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.sourcewire.pitches.PitchScreening;
import org.sourcewire.shared.Words;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Measures a pitch: how directly each answer meets its question (sentence embeddings), how specific and checkable it
 * is (figures, names, first-hand detail, the requirements stated: OpenNLP's parts of speech), how it is written
 * (hedging, advice to the reader, repetition) and whether it is text seen before (the caller's duplicate and
 * paraphrase look-ups). Every measurement is a number; {@link ScreeningModel} weighs them.
 */
@Component
class PitchSignals {

    /** Answers that point elsewhere instead of answering; their average meaning is what "deflecting" is close to. */
    private static final List<String> DEFLECTIONS = List.of(
            "Happy to go into this on a call.",
            "I would be glad to discuss this in more detail; feel free to reach out to arrange an interview.",
            "Our CEO is available for interviews on this topic. Please contact our press office.",
            "Please see my website for more information about my work.",
            "You can find my full bio and headshot at the link below.",
            "Let me know if you would like to set up a time to talk.");

    /** Sales talk; its average meaning is what "selling" is close to. */
    private static final List<String> ADVERTS = List.of(
            "Our app solves exactly this problem. Sign up today for a free trial.",
            "Use code PRESS20 for 20% off your first order on our website.",
            "Our product is the best solution on the market, trusted by thousands of happy customers.",
            "Visit our online store to buy the complete kit with free shipping.",
            "Book a free consultation with our team and see how our service can help you.");

    private static final Set<String> SECOND_PERSON = Set.of("you", "your", "yours", "you're", "you'll", "yourself");

    /** Words that hedge and generalise rather than report. */
    private static final Set<String> HEDGES = Set.of("can", "could", "may", "might", "should", "often", "typically",
            "generally", "usually", "essentially", "ultimately", "various", "overall", "crucial", "essential");

    /** Who reports a figure first-hand. */
    private static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "we", "us", "our", "i'm", "i've", "we've",
            "we're", "i'd", "we'd");

    /** The calls to action of a sales pitch: a web address, a sign-up, an offer. */
    private static final java.util.regex.Pattern PROMOTION = java.util.regex.Pattern.compile(
            "(?i)\\b(?:[a-z0-9-]+\\.(?:com|io|app|co|net|org)\\b|www\\.|sign up|signup|free trial|download (?:the|our)|"
                    + "use (?:the )?code|discount|% off|per cent off|order (?:now|today|a|your)|buy (?:now|today|a|your)|"
                    + "we (?:built|created|designed|launched)|our (?:app|platform|product|tool|software|service|solution|kit)s?\\b)");

    /** From this many words an answer says something of substance; "Depends on the surgeon." does not. */
    static final int SUBSTANTIVE_WORDS = 6;

    /** A run of this many of a question's words, word for word in its answer, restates the question. */
    static final int RESTATED_RUN = 4;

    /** What vague attributions of a figure say instead of a source. */
    private static final Set<String> VAGUE_SOURCES = Set.of("study", "studies", "research", "survey", "surveys",
            "experts", "data", "statistics", "report", "reports", "shows", "show", "suggests", "suggest", "estimates");

    private final Embeddings embeddings;
    private final Language language;
    private final Supplier<float[]> deflection;
    private final Supplier<float[]> advert;
    /** Questions' embeddings: the same for every pitch to a query. */
    private final Cache<String, float[]> questions = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(1, TimeUnit.DAYS).build();

    PitchSignals(Embeddings embeddings, Language language) {
        this.embeddings = embeddings;
        this.language = language;
        this.deflection = SingletonSupplier.of(() -> centroid(DEFLECTIONS));
        this.advert = SingletonSupplier.of(() -> centroid(ADVERTS));
    }

    /** What was found elsewhere: near-identical text and reworded text of earlier pitches. */
    record Seen(int templates, int copies, double paraphrase, int paraphrases, double filler) {
    }

    /**
     * The measurements, and for coaching which question's answer met its question least and which question (if any,
     * else -1) was answered in a few words only; and the pitch's {@link #wording} for {@link Signal#WORDING} (null when
     * nothing is answered).
     */
    record Measured(Map<Signal, Double> values, int leastDirectQuestion, int thinQuestion, float[] wording) {

        double get(Signal signal) {
            return values.get(signal);
        }
    }

    /** Loads the embedding and language models and the reference meanings now, so no pitch waits for them. */
    void warmUp() {
        embeddings.warmUp();
        language.analyse("Warm up the sentence, token and part-of-speech models.");
        deflection.get();
        advert.get();
    }

    Measured measure(PitchScreening.Draft draft, Seen seen) {
        List<String> answers = draft.answers().stream().map(answer -> answer == null ? "" : answer.strip()).toList();
        int questions = Math.max(1, answers.size());
        Map<Signal, Double> values = new EnumMap<>(Signal.class);

        int answered = 0;
        int substantive = 0;
        int thinQuestion = -1;
        int words = 0;
        for (int i = 0; i < answers.size(); i++) {
            int count = Words.count(answers.get(i));
            words += count;
            if (count >= 3) {
                answered++;
            }
            if (count >= SUBSTANTIVE_WORDS) {
                substantive++;
            }
            else if (count >= 3 && thinQuestion < 0) {
                thinQuestion = i;
            }
        }
        values.put(Signal.ANSWERED, (double) answered / questions);
        // Fewer than half answered: from there on, what the answers hold cannot make up for what they leave out.
        values.put(Signal.UNANSWERED, Math.max(0, 0.5 - (double) answered / questions) / 0.5);
        // Most questions want an answer of substance (six words or more; a skipped one has none): how many more such
        // answers a majority would need, as a share of that majority. One real answer beside "Weekly." and "Depends."
        // is a partial pitch, though every question has "an answer".
        int majority = questions / 2 + 1;
        values.put(Signal.THIN, (double) Math.max(0, majority - substantive) / majority);
        // Longer than the guidance (150–200 words) allows for: 0 up to 230 words, 0.69 at twice that. A short answer is
        // not a fault in itself; a skipped question is (ANSWERED).
        values.put(Signal.LONG, Math.max(0, Math.log(Math.max(1, words) / 230.0)));

        // How directly each answer meets its own question (a skipped answer meets nothing).
        double directMin = 1;
        double directSum = 0;
        int leastDirect = 0;
        double deflecting = 0;
        double selling = 0;
        List<String> asked = draft.questions();
        float[][] answerMeanings = new float[answers.size()][];
        float[][] questionMeanings = new float[answers.size()][];
        for (int i = 0; i < answers.size(); i++) {
            double direct = 0;
            if (!answers.get(i).isBlank()) {
                float[] answer = embeddings.embed(answers.get(i));
                String question = i < asked.size() ? asked.get(i) : draft.headline();
                answerMeanings[i] = answer;
                questionMeanings[i] = question(question);
                direct = Embeddings.cosine(questionMeanings[i], answer);
                deflecting = Math.max(deflecting, Embeddings.cosine(deflection.get(), answer));
                selling = Math.max(selling, Embeddings.cosine(advert.get(), answer));
            }
            directSum += direct;
            if (direct < directMin) {
                directMin = direct;
                leastDirect = i;
            }
        }
        double directMean = directSum / questions;
        values.put(Signal.DIRECT_MIN, directMin);
        values.put(Signal.DIRECT_MEAN, directMean);
        values.put(Signal.DEFLECTING, deflecting);
        values.put(Signal.SELLING, selling);

        // Specifics and style, from the parts of speech. Counts saturate: a few checkable facts make a pitch specific,
        // whatever its length, and a dense pitch is not better for being denser.
        Style style = style(answers, draft);
        double specifics = Math.min(1, (style.figures() + style.names()) / 4.0);
        values.put(Signal.SPECIFICS, specifics);
        values.put(Signal.SPECIFIC_ANSWERS, answered == 0 ? 0 : Math.min(1, (double) style.specificAnswers() / answered));
        // How dense the checkable detail is (figures and names per 100 words, on a log scale): machine-written and
        // padded text has almost none, an expert's answer a dozen.
        values.put(Signal.DENSITY, Math.log1p(100.0 * (style.figures() + style.names()) / Math.max(1, style.words())));
        // Figures in context: a sentence with a figure and the source's own work ("we", "my") or a name behind it,
        // against a figure standing alone.
        values.put(Signal.GROUNDED, (double) Math.min(8, style.grounded()));
        values.put(Signal.BARE_FIGURES, (double) Math.min(6, style.bare()));
        values.put(Signal.YOU, Math.min(1, style.secondPerson() / 3.0));
        values.put(Signal.HEDGING, Math.min(1, style.hedges() / 4.0));
        values.put(Signal.UNSOURCED_FIGURES, (double) Math.min(3, style.unsourcedFigures()));
        values.put(Signal.STATISTIC_CLAIMS, (double) Math.min(4, style.statisticClaims()));
        java.util.regex.Matcher promotion = PROMOTION.matcher(String.join("\n", answers));
        int calls = 0;
        while (promotion.find() && calls < 4) {
            calls++;
        }
        values.put(Signal.PROMOTION, (double) calls);
        values.put(Signal.REQUIREMENTS, style.requirements());
        values.put(Signal.ECHO, style.echo());
        values.put(Signal.RESTATES, (double) Math.min(5, restated(answers, asked, draft.headline())));
        values.put(Signal.GENERIC, directMean * (1 - specifics));
        // Answers whose meaning is unrelated to their questions (a cosine under 0.25), however specific they are.
        values.put(Signal.OFF_TOPIC, Math.max(0, 0.25 - directMean) / 0.25);
        values.put(Signal.REPEATS, (double) Math.min(5, ScreeningService.repeatedSentences(answers)));
        values.put(Signal.VARIETY, style.variety());

        values.put(Signal.TEMPLATE, (double) Math.min(3, seen.templates()));
        values.put(Signal.COPY, seen.copies() > 0 ? 1.0 : 0.0);
        values.put(Signal.PARAPHRASE, seen.paraphrase());
        values.put(Signal.PARAPHRASES, (double) Math.min(5, seen.paraphrases()));
        values.put(Signal.FILLER, seen.filler());
        return new Measured(values, leastDirect, thinQuestion, wording(answerMeanings, questionMeanings));
    }

    /**
     * How a pitch is worded, as {@link ScreeningModel} reads it for {@link Signal#WORDING}: the average meaning of its
     * answers, then the average of each answer's meaning less its question's ({@code 2 * DIMENSIONS} numbers; null
     * when nothing is answered). The training corpus's machine-written, templated, promotional and borrowed-words
     * answers differ from experts' answers in this space as a whole, not on any one axis a rule could name.
     */
    private static float[] wording(float[][] answers, float[][] questions) {
        float[] wording = new float[2 * Embeddings.DIMENSIONS];
        int answered = 0;
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] == null) {
                continue;
            }
            answered++;
            for (int d = 0; d < Embeddings.DIMENSIONS; d++) {
                wording[d] += answers[i][d];
                wording[Embeddings.DIMENSIONS + d] += answers[i][d] - questions[i][d];
            }
        }
        if (answered == 0) {
            return null;
        }
        for (int d = 0; d < wording.length; d++) {
            wording[d] /= answered;
        }
        return wording;
    }

    /**
     * How many runs of {@link #RESTATED_RUN} words of a question its answer repeats word for word (each run once):
     * padding restates the question ("What did we change in response? We changed a lot of things in response"), an
     * answer rarely borrows four of its words in a row.
     */
    static int restated(List<String> answers, List<String> asked, String headline) {
        int restated = 0;
        for (int i = 0; i < answers.size(); i++) {
            String question = i < asked.size() ? asked.get(i) : headline;
            List<String> questionWords = Words.tokens(question == null ? "" : question.toLowerCase(Locale.ROOT));
            Set<List<String>> runs = new HashSet<>();
            for (int j = 0; j + RESTATED_RUN <= questionWords.size(); j++) {
                runs.add(questionWords.subList(j, j + RESTATED_RUN));
            }
            List<String> answerWords = Words.tokens(answers.get(i).toLowerCase(Locale.ROOT));
            Set<List<String>> found = new HashSet<>();
            for (int j = 0; j + RESTATED_RUN <= answerWords.size(); j++) {
                List<String> run = answerWords.subList(j, j + RESTATED_RUN);
                if (runs.contains(run)) {
                    found.add(run);
                }
            }
            restated += found.size();
        }
        return restated;
    }

    /**
     * The pitch's meaning without the query's own words: what two pitches share when they share a template, not
     * merely the question they answer.
     */
    float[] meaning(PitchScreening.Draft draft) {
        Set<String> queryWords = new HashSet<>(Words.tokens((draft.headline() + " " + String.join(" ", draft.questions())
                + " " + (draft.requirements() == null ? "" : draft.requirements())).toLowerCase(Locale.ROOT)));
        List<String> kept = new ArrayList<>();
        for (String answer : draft.answers()) {
            for (String word : Words.tokens(answer == null ? "" : answer.toLowerCase(Locale.ROOT))) {
                if (!queryWords.contains(word)) {
                    kept.add(word);
                }
            }
        }
        return embeddings.embed(String.join(" ", kept));
    }

    private float[] question(String text) {
        return questions.get(text, embeddings::embed);
    }

    private float[] centroid(List<String> texts) {
        float[] sum = new float[Embeddings.DIMENSIONS];
        for (float[] vector : embeddings.embedAll(texts)) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= (float) norm;
        }
        return sum;
    }

    /** Counts over the answers' tokens. */
    private record Style(int words, int figures, int names, int specificAnswers, int secondPerson, int hedges,
            int unsourcedFigures, int statisticClaims, int grounded, int bare, double requirements, double echo,
            double variety) {
    }

    private Style style(List<String> answers, PitchScreening.Draft draft) {
        int words = 0;
        int figures = 0;
        int names = 0;
        int secondPerson = 0;
        int hedges = 0;
        int unsourced = 0;
        int statisticClaims = 0;
        int grounded = 0;
        int bare = 0;
        int content = 0;
        int echoed = 0;
        List<String> tokens = new ArrayList<>();
        Set<String> all = new HashSet<>();
        Set<String> asked = contentWords(draft.headline() + "\n" + String.join("\n", draft.questions()));
        int specificAnswers = 0;
        for (String answer : answers) {
        int before = figures + names;
        for (Language.Sentence sentence : language.analyse(answer)) {
            boolean number = false;
            boolean vague = false;
            boolean named = false;
            boolean share = false;
            boolean firstHand = false;
            for (int i = 0; i < sentence.size(); i++) {
                String tag = sentence.tags().get(i);
                String token = Language.lower(sentence.tokens().get(i));
                if (tag.startsWith("PUNCT")) {
                    continue;
                }
                if (!tag.startsWith("SYM")) {
                    words++;
                    tokens.add(token);
                }
                all.add(token);
                if (tag.startsWith("NUM")) {
                    figures++;
                    number = true;
                }
                else if (tag.startsWith("SYM") && (token.equals("%") || token.equals("$") || token.equals("£")
                        || token.equals("€"))) {
                    number = true;
                }
                if (token.equals("%") || token.endsWith("%") || token.equals("percent") || token.equals("average")) {
                    share = true;
                }
                if (FIRST_PERSON.contains(token)) {
                    firstHand = true;
                }
                if (tag.startsWith("PROPN") && i > 0) {
                    named = true;
                    names++;
                }
                if (SECOND_PERSON.contains(token)) {
                    secondPerson++;
                }
                if (HEDGES.contains(token)) {
                    hedges++;
                }
                if (VAGUE_SOURCES.contains(token)) {
                    vague = true;
                }
                if (isContent(tag)) {
                    content++;
                    if (asked.contains(token)) {
                        echoed++;
                    }
                }
            }
            if (number && vague && !named) {
                unsourced++;
            }
            // A share or an average stated as a general fact: nobody's own count, nobody named as its source.
            if (number && share && !firstHand && !named) {
                statisticClaims++;
            }
            if (number && (firstHand || named)) {
                grounded++;
            }
            else if (number) {
                bare++;
            }
        }
        if (figures + names > before) {
            specificAnswers++;
        }
        }
        Set<String> required = contentWords(draft.requirements() == null ? "" : draft.requirements());
        double requirements = required.isEmpty() ? 0.5
                : (double) required.stream().filter(all::contains).count() / required.size();
        double echo = content == 0 ? 0 : (double) echoed / content;
        double variety = movingVariety(tokens, 50);
        return new Style(words, figures, names, specificAnswers, secondPerson, hedges, unsourced, statisticClaims,
                grounded, bare, requirements, echo, variety);
    }

    /**
     * The share of distinct words in every window of {@code window} words, averaged (the moving-average type-token
     * ratio): padding says little in many words, and unlike a plain ratio this does not fall with length alone.
     */
    static double movingVariety(List<String> tokens, int window) {
        if (tokens.isEmpty()) {
            return 1;
        }
        int size = Math.min(window, tokens.size());
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
            counts.merge(tokens.get(i), 1, Integer::sum);
        }
        double sum = counts.size();
        int windows = 1;
        for (int i = size; i < tokens.size(); i++) {
            counts.merge(tokens.get(i), 1, Integer::sum);
            String leaving = tokens.get(i - size);
            if (counts.merge(leaving, -1, Integer::sum) == 0) {
                counts.remove(leaving);
            }
            sum += counts.size();
            windows++;
        }
        return sum / windows / size;
    }

    /** The lower-cased nouns, proper nouns, verbs and adjectives of a text (three letters or more). */
    private Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        for (Language.Sentence sentence : language.analyse(text)) {
            for (int i = 0; i < sentence.size(); i++) {
                String token = Language.lower(sentence.tokens().get(i));
                if (isContent(sentence.tags().get(i)) && token.length() >= 3) {
                    words.add(token);
                }
            }
        }
        return words;
    }

    private static boolean isContent(String tag) {
        return tag.startsWith("NOUN") || tag.startsWith("PROPN") || tag.startsWith("VERB") || tag.startsWith("ADJ");
    }
}
