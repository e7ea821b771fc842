package dev.ssokit.client.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rfc6265bis §5.6.1, the cookie-date algorithm: what each date string means, or that it fails to parse. */
class CookieDateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the three forms of RFC 2616 / RFC 6265 §5.1.1 and the catalogue's C9 cases
        "Sun, 06 Nov 1994 08:49:37 GMT      | 1994-11-06T08:49:37Z",
        "Sunday, 06-Nov-94 08:49:37 GMT     | 1994-11-06T08:49:37Z",
        "Sun Nov  6 08:49:37 1994           | 1994-11-06T08:49:37Z",
        "Wed, 09 Jun 2038 10:18:14 GMT      | 2038-06-09T10:18:14Z",
        "Wed, 09-Jun-2038 10:18:14 GMT      | 2038-06-09T10:18:14Z",
        "Wed, 09-Jun-38 10:18:14 GMT        | 2038-06-09T10:18:14Z",
        "Thu, 01 Jan 1970 00:00:00 GMT      | 1970-01-01T00:00:00Z",
        // step 3 and 4: two-digit years, 70-99 -> 19xx, 00-69 -> 20xx
        "Thu, 01-Jan-70 00:00:01 GMT        | 1970-01-01T00:00:01Z",
        "01 Jan 69 00:00:00                 | 2069-01-01T00:00:00Z",
        "01 Jan 00 00:00:00                 | 2000-01-01T00:00:00Z",
        "01 Jan 99 00:00:00                 | 1999-01-01T00:00:00Z",
        // one-digit fields, any order of tokens, case-insensitive months, month names as prefixes
        "1 jan 2000 1:2:3                   | 2000-01-01T01:02:03Z",
        "JAN 01 2000 00:00:00               | 2000-01-01T00:00:00Z",
        "01 January 2000 00:00:00           | 2000-01-01T00:00:00Z",
        "1994 Nov 06 08:49:37               | 1994-11-06T08:49:37Z",
        "06\tNov\t1994\t08:49:37            | 1994-11-06T08:49:37Z",
        // trailing octets after a production are allowed; the time zone is not read (always UTC)
        "06 Nov 1994 08:49:37:12            | 1994-11-06T08:49:37Z",
        "Jan 01 2020 00:00:00 GMT+0200      | 2020-01-01T00:00:00Z",
        "01 Jan 2020 00:00:00junk           | 2020-01-01T00:00:00Z",
        "Feb 29 2000 00:00:00               | 2000-02-29T00:00:00Z",
        "01 Jan 1601 00:00:00               | 1601-01-01T00:00:00Z",
        // step 5 and 6: missing parts, out of range, no such date
        "Feb 29 2001 00:00:00               | fail",
        "31 Apr 2020 00:00:00               | fail",
        "32 Jan 2020 00:00:00               | fail",
        "01 Jan 1600 00:00:00               | fail",
        "01 Jan 2020 24:00:00               | fail",
        "01 Jan 2020 23:60:00               | fail",
        "01 Jan 2020 23:59:60               | fail",
        "01 Jan 2020                        | fail",
        "00:00:00 2020                      | fail",
        "2020-01-15 10:00:00                | fail",
        "Nov 06 123 08:49:37                | fail",
        "06 Nov 12345 08:49:37              | fail",
        "06 Nov 1994 8:9                    | fail",
        "06 Nov 1994 008:49:37              | fail",
        "notadate                           | fail",
    })
    void parses(String date, String expected) {
        Optional<Instant> parsed = CookieDate.parse(date.replace("\\t", "\t"));
        if (expected.equals("fail")) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).contains(Instant.parse(expected));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "' '", "','"})
    void emptyDatesFail(String date) {
        assertThat(CookieDate.parse(date)).isEmpty();
    }
}
