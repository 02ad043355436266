//! Escaping, in one place, for every output: HTML, XML, Markdown table
//! cells, GitHub workflow commands, spreadsheet cells and the terminal.
//!
//! Each function makes text from articles and tables (which may hold
//! anything) safe for one kind of output; every renderer escapes through
//! these.

/// Neutralises a cell for spreadsheets: a leading `= + - @`, tab or carriage
/// return would start a formula, so it is prefixed with a single quote.
pub fn spreadsheet(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Removes control characters (escape sequences included) from text bound for a terminal.
pub fn terminal(text: &str) -> String {
    strip_escapes(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect()
}

/// Removes whole terminal escape sequences, so that none leaves residue
/// such as `[31m`: CSI (`ESC [` or U+009B, parameters, then a final byte
/// `@`..`~`), OSC, DCS, SOS, PM and APC strings (`ESC ]`, `ESC P`, `ESC X`,
/// `ESC ^`, `ESC _` or their C1 forms, up to BEL or ST), and other `ESC`
/// sequences (intermediates ` `..`/`, then one final character). A sequence
/// left open runs to the end of the text, as a terminal would read it.
/// Other characters, control characters included, are kept.
pub fn strip_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    const ESC: char = '\u{1b}';
    let starts = |c: char| c == ESC || ('\u{90}'..='\u{9f}').contains(&c);
    if !text.contains(starts) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // Skips a control string up to BEL, ST (ESC \\) or U+009C.
    let string_body = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        while let Some(c) = chars.next() {
            match c {
                '\u{7}' | '\u{9c}' => break,
                ESC if chars.peek() == Some(&'\\') => {
                    chars.next();
                    break;
                }
                _ => {}
            }
        }
    };
    let csi_body = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        // Parameter and intermediate bytes, then one final byte; anything
        // else ends the sequence where it is (it is not a CSI a terminal runs).
        while chars.next_if(|c| (' '..='?').contains(c)).is_some() {}
        chars.next_if(|c| ('@'..='~').contains(c));
    };
    while let Some(c) = chars.next() {
        match c {
            ESC => match chars.next() {
                Some('[') => csi_body(&mut chars),
                Some(']' | 'P' | 'X' | '^' | '_') => string_body(&mut chars),
                Some(' '..='/') => {
                    // Intermediates, then the final character.
                    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
                    chars.next();
                }
                Some(_) | None => {}
            },
            '\u{9b}' => csi_body(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => string_body(&mut chars),
            c if ('\u{80}'..='\u{9f}').contains(&c) => {}
            c => out.push(c),
        }
    }
    out.into()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Escapes text for HTML element content and quoted attribute values.
///
/// # Example
///
/// ```
/// assert_eq!(
///     factcheck::report::escape::html(r#"<a href="x">'&'</a>"#),
///     "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
/// );
/// ```
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for XML content or a quoted attribute. Characters XML 1.0
/// cannot hold (most control characters) are dropped; tabs and line breaks
/// are written as character references so attributes keep them.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in strip_escapes(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for one GitHub-flavoured Markdown table cell (the check
/// report's and the comparison's alike): `|`, backslash and Markdown
/// punctuation are backslash-escaped, line breaks become spaces, `&`, `<`
/// and `>` become entities, and `@` is followed by a word joiner so that
/// article text never mentions (pings) anyone.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in strip_escapes(text).chars() {
        match c {
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("@\u{2060}"),
            '\r' => {}
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// Escapes a GitHub workflow command's message (the text after `::`):
/// `%`, `\r` and `\n` become `%25`, `%0D` and `%0A`. Escape sequences and other
/// control characters, which the runner would copy raw into the log, are
/// removed first (GitHub has no escape for them); bidi controls too.
pub fn github_data(s: &str) -> String {
    strip_escapes(s)
        .chars()
        .filter(|&c| c == '\r' || c == '\n' || !(c.is_control() || is_bidi_control(c)))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect::<String>()
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a GitHub workflow command's property value (`file=`,
/// `title=`): as [`github_data`], and `:` and `,` too.
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_formulas_are_neutralised() {
        assert_eq!(spreadsheet("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(spreadsheet("@x"), "'@x");
        assert_eq!(spreadsheet("-1"), "'-1");
        assert_eq!(spreadsheet("plain"), "plain");
    }

    #[test]
    fn control_characters_are_stripped() {
        assert_eq!(terminal("a\u{1b}[31mred\u{202E}"), "ared");
    }

    #[test]
    fn whole_escape_sequences_are_stripped() {
        for (input, want) in [
            ("a\u{1b}[1;31mred\u{1b}[0m b", "ared b"),
            (
                "\u{1b}]8;;https://evil.example\u{7}link\u{1b}]8;;\u{1b}\\ x",
                "link x",
            ),
            ("\u{1b}]0;title\u{1b}\\t", "t"),
            ("\u{1b}(Bx\u{1b}=y\u{1b}cz", "xyz"),
            ("\u{9b}2Jz\u{9d}title\u{9c}w", "zw"),
            ("\u{1b}Pq#0;1\u{1b}\\after", "after"),
            ("open \u{1b}]0;never closed", "open "),
            ("tab\tand\nline", "tab\tand\nline"),
            ("é 東京 \u{1b}[", "é 東京 "),
        ] {
            assert_eq!(strip_escapes(input), want, "{input:?}");
        }
    }
}
