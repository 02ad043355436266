//! Finding a claim in its article's source text, for the formats that point
//! at it (HTML highlights, SARIF regions).

use std::ops::Range;

/// How many source words may separate two consecutive words of a claim
/// (markup such as a link target sits between them in Markdown).
const MAX_SKIPPED_WORDS: usize = 24;

/// Finds a claim in its article's source text: the byte range from its
/// 1-based `line` and `column` (in characters) to the end of the claim.
///
/// The claim text has its markup removed, so the end is found by matching
/// the claim's words in order from the start, skipping Markdown markup and
/// whitespace differences; a final full stop after closing markup is
/// included. When too few words match, the range runs to the end of the
/// sentence or line. `None` when the position is unknown (0) or outside the
/// text.
///
/// # Example
///
/// ```
/// use factcheck::report::locate;
/// let src = "# T\n\nIt is in [Paris](https://x.org/p). Next.\n";
/// let r = locate(src, 3, 1, "It is in Paris.").unwrap();
/// assert_eq!(&src[r], "It is in [Paris](https://x.org/p).");
/// ```
pub fn locate(source: &str, line: usize, column: usize, text: &str) -> Option<Range<usize>> {
    let start = offset_of(source, line, column)?;
    let rest = &source[start..];
    let wanted: Vec<String> = words(text).map(|(_, w)| w.to_lowercase()).collect();
    let found: Vec<(usize, &str)> = words(rest).collect();
    let mut at = 0;
    let mut matched = 0;
    let mut end = None;
    for w in &wanted {
        let window = found.iter().enumerate().skip(at).take(MAX_SKIPPED_WORDS + 1);
        if let Some((i, (pos, word))) = window
            .into_iter()
            .find(|(_, (_, word))| word.to_lowercase() == *w)
        {
            at = i + 1;
            matched += 1;
            end = Some(pos + word.len());
        }
    }
    let end = match end {
        Some(end) if matched * 2 >= wanted.len() => extend_over_tail(rest, end, text),
        _ => sentence_end(rest),
    };
    Some(
        start
            ..start
                + end
                    .max(rest.chars().next().map_or(0, char::len_utf8))
                    .min(rest.len()),
    )
}

/// Byte offset of a 1-based line and character column.
fn offset_of(source: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut line_start = 0;
    for _ in 1..line {
        line_start += source[line_start..].find('\n')? + 1;
    }
    let line_text = source[line_start..].split('\n').next().unwrap_or("");
    let skip = column.saturating_sub(1);
    let (i, _) = line_text.char_indices().nth(skip)?;
    Some(line_start + i)
}

/// Runs of letters and digits with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if c.is_alphanumeric() {
                break;
            }
            iter.next();
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, &text[start..end]))
    })
}

/// After the last matched word, takes in closing markup (`**`, `_`, a link
/// target `](...)`) when the claim's final punctuation follows it.
fn extend_over_tail(rest: &str, end: usize, text: &str) -> usize {
    let tail: Vec<char> = text
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if tail.is_empty() {
        return end;
    }
    let mut p = end;
    loop {
        let here = &rest[p..];
        if here.starts_with("](") {
            match here.find(')').filter(|&j| !here[..j].contains('\n')) {
                Some(j) => p += j + 1,
                None => break,
            }
        } else if let Some(c) = here
            .chars()
            .next()
            .filter(|c| matches!(c, '*' | '_' | '~' | '`' | ']'))
        {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    let mut q = p;
    let mut took = false;
    for t in tail {
        match rest[q..].chars().next() {
            Some(c) if c == t => {
                q += c.len_utf8();
                took = true;
            }
            _ => break,
        }
    }
    if took {
        q
    } else {
        end
    }
}

/// End of the first sentence (after `.`, `!` or `?` and a space) or line.
fn sentence_end(rest: &str) -> usize {
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || c == '\r' {
            return i;
        }
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
            return i + 1;
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::html::tests::sample_sources;

    #[test]
    fn locate_spans_markdown_markup() {
        let src = &sample_sources()["a.md"];
        let r = locate(src, 3, 1, "The Eiffel Tower was completed in 1889.").unwrap();
        assert_eq!(&src[r], "The Eiffel Tower was completed in **1889**.");
        let r = locate(src, 3, 45, "It is located in Rome.").unwrap();
        assert_eq!(&src[r], "It is located in [Rome](https://x.org/r).");
        let r = locate(src, 5, 3, "The moon is made of cheese.").unwrap();
        assert_eq!(&src[r], "The moon is made of cheese.");
    }

    #[test]
    fn locate_handles_wrapped_lines_clauses_and_characters() {
        let src = "Kōno met Breton in\nBrussels on Monday, and then left.";
        let r = locate(src, 1, 1, "Kōno met Breton in Brussels on Monday").unwrap();
        assert_eq!(&src[r], "Kōno met Breton in\nBrussels on Monday");
        let r = locate(src, 1, 6, "met Breton in Brussels on Monday, and then left.").unwrap();
        assert_eq!(&src[r], "met Breton in\nBrussels on Monday, and then left.");
    }

    #[test]
    fn locate_falls_back_to_sentence_end_and_rejects_bad_positions() {
        let src = "Alpha beta gamma. Delta epsilon.\nSecond line";
        let r = locate(src, 1, 1, "Something else entirely").unwrap();
        assert_eq!(&src[r], "Alpha beta gamma.");
        let r = locate(src, 2, 1, "Nothing matches").unwrap();
        assert_eq!(&src[r], "Second line");
        assert_eq!(locate(src, 0, 0, "x"), None);
        assert_eq!(locate(src, 3, 1, "x"), None);
        assert_eq!(locate(src, 2, 99, "x"), None);
    }
}
