package dev.ssokit.client.cookies;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cookie-date algorithm of rfc6265bis §5.6.1 (unchanged from RFC 6265 §5.1.1): split into date-tokens at the
 * delimiters, take the first time, day-of-month, month and year tokens in that order of preference, fix two-digit
 * years, and refuse anything out of range or not a real calendar date.
 */
public final class CookieDate {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private CookieDate() {
    }

    /** The instant a cookie-date denotes (UTC), or empty when the algorithm says "fail to parse". */
    public static Optional<Instant> parse(String cookieDate) {
        if (cookieDate == null) {
            return Optional.empty();
        }
        int hour = -1;
        int minute = -1;
        int second = -1;
        int day = -1;
        int month = -1;
        int year = -1;
        for (String token : tokens(cookieDate)) {
            int[] time = hour < 0 ? time(token) : null;
            if (time != null) {
                hour = time[0];
                minute = time[1];
                second = time[2];
                continue;
            }
            int digits = leadingDigits(token);
            if (day < 0 && digits >= 1 && digits <= 2 && nonDigitOrEnd(token, digits)) {
                day = Integer.parseInt(token.substring(0, digits));
                continue;
            }
            if (month < 0 && token.length() >= 3) {
                int found = monthOf(token);
                if (found > 0) {
                    month = found;
                    continue;
                }
            }
            if (year < 0 && digits >= 2 && digits <= 4 && nonDigitOrEnd(token, digits)) {
                year = Integer.parseInt(token.substring(0, digits));
            }
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (hour < 0 || day < 0 || month < 0 || year < 0 || day > 31 || year < 1601 || hour > 23 || minute > 59
                || second > 59) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException noSuchDate) {
            return Optional.empty();
        }
    }

    /** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E; everything else belongs to a date-token. */
    static boolean delimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
                || (c >= 0x7B && c <= 0x7E);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean split = i == text.length() || delimiter(text.charAt(i));
            if (split && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            } else if (!split && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    /** time = hms-time [ non-digit *OCTET ]; hms-time = time-field ":" time-field ":" time-field (1*2DIGIT each). */
    private static int[] time(String token) {
        int[] fields = new int[3];
        int at = 0;
        for (int field = 0; field < 3; field++) {
            int digits = leadingDigits(token.substring(at));
            if (digits < 1 || digits > 2) {
                return null;
            }
            fields[field] = Integer.parseInt(token.substring(at, at + digits));
            at += digits;
            if (field < 2) {
                if (at >= token.length() || token.charAt(at) != ':') {
                    return null;
                }
                at++;
            }
        }
        return nonDigitOrEnd(token, at) ? fields : null;
    }

    private static int monthOf(String token) {
        String prefix = token.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(prefix)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int leadingDigits(String token) {
        int n = 0;
        while (n < token.length() && token.charAt(n) >= '0' && token.charAt(n) <= '9') {
            n++;
        }
        return n;
    }

    private static boolean nonDigitOrEnd(String token, int at) {
        return at >= token.length() || token.charAt(at) < '0' || token.charAt(at) > '9';
    }
}
