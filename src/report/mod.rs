//! Rendering a [`Report`](crate::check::Report) into one output format.
//!
//! Every renderer builds the whole output in memory; the CLI writes it once,
//! so no output file is ever half-written. Machine formats carry no colour
//! and no timings, and are byte-identical for the same inputs.

mod claimreview;
mod compare;
mod csv;
mod evaluation;
mod github;
mod html;
mod json;
mod junit;
mod markdown;
mod sarif;
mod table;

pub use self::claimreview::report_claimreview;
pub use self::compare::{
    comparison_csv, comparison_html, comparison_json, comparison_markdown, comparison_table,
    report_json_with_comparison,
};
pub use self::csv::{claims_csv, report_csv};
pub use self::evaluation::{evaluation_json, evaluation_text};
pub use self::github::report_github;
pub use self::html::{escape_html, is_web_url, locate, report_html, Sources};
pub use self::json::report_json;
pub use self::junit::report_junit;
pub use self::markdown::report_markdown;
pub use self::sarif::report_sarif;
pub use self::table::{report_table, table_rows, table_summary, terminal_width, TableOptions, DEFAULT_WIDTH};

/// Neutralises a cell for spreadsheets: a leading `= + - @`, tab or carriage
/// return would start a formula, so it is prefixed with a single quote.
pub fn safe_cell(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Removes control characters (escape sequences included) from text bound for a terminal.
pub fn strip_controls(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_formulas_are_neutralised() {
        assert_eq!(safe_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(safe_cell("@x"), "'@x");
        assert_eq!(safe_cell("-1"), "'-1");
        assert_eq!(safe_cell("plain"), "plain");
    }

    #[test]
    fn control_characters_are_stripped() {
        assert_eq!(strip_controls("a\u{1b}[31mred\u{202E}"), "ared");
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
