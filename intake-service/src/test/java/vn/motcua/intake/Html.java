package vn.motcua.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of an element of a server-rendered page, found by its {@code data-testid} (elements of other names inside are fine, not of its own). */
public final class Html {

    private Html() {
    }

    /** The element's text, tags removed and spaces collapsed; null when the page has no such element. */
    public static String text(String html, String testId) {
        Matcher element = Pattern.compile("<(\\w+)[^>]*\\bdata-testid=\"" + Pattern.quote(testId) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(html);
        return element.find() ? element.group(2).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : null;
    }
}
