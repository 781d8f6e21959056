package org.sourcewire.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Word counting and splitting for pitch texts, by a scan over the characters. Every pitch is counted and screened
 * several times on its way in; the regular expressions this replaces ({@code \s+}, {@code [^\p{L}\p{N}]+}) made
 * that counting a visible part of every submission's cost.
 */
public final class Words {

    private Words() {
    }

    /** How many words: runs of characters between whitespace. */
    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** The runs of letters and digits, in order; everything else (spaces, punctuation) separates them. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean part = i < text.length() && isWordCharacter(text.codePointAt(i));
            if (part && start < 0) {
                start = i;
            }
            else if (!part && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            if (i < text.length() && Character.isSupplementaryCodePoint(text.codePointAt(i))) {
                i++;
            }
        }
        return tokens;
    }

    private static boolean isWordCharacter(int codePoint) {
        return Character.isLetter(codePoint) || Character.isDigit(codePoint)
                || Character.getType(codePoint) == Character.LETTER_NUMBER
                || Character.getType(codePoint) == Character.OTHER_NUMBER;
    }
}
