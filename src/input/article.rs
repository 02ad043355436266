//! Reading an article (plain text or Markdown) into blocks of plain text that
//! remember where each byte came from in the original file.
//!
//! Markup never reaches the blocks: headings, emphasis, links and list
//! markers are dropped, their text kept. Every block keeps, for each of its
//! bytes, the byte offset in the source, so a claim found in a block can be
//! reported at the line and column where it starts in the file.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::error::{Error, Result};

/// A run of plain text: a paragraph, heading, list item or table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Plain text, markup removed.
    pub text: String,
    /// Where the pieces of `text` come from, in order. One entry per piece
    /// rather than one offset per byte: a byte table cost 8 bytes of memory
    /// per byte of article.
    runs: Vec<Run>,
    /// True for headings and titles (short lines without final punctuation).
    pub heading: bool,
}

/// A piece of a block's text and where it starts in the source.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    /// Start in the block's text.
    text: usize,
    /// Start in the source.
    source: usize,
    /// True when the piece is a copy of the source (maps byte for byte);
    /// otherwise (a space joining lines, an entity) every byte maps to `source`.
    exact: bool,
}

impl Block {
    /// Byte offset in the source of byte `i` of `text` (of the character
    /// holding it; past the end, of the last character).
    pub fn source_offset(&self, i: usize) -> usize {
        if self.text.is_empty() {
            return 0;
        }
        let mut i = i.min(self.text.len() - 1);
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        let run = &self.runs[self.runs.partition_point(|r| r.text <= i) - 1];
        if run.exact {
            run.source + (i - run.text)
        } else {
            run.source
        }
    }

    fn push(&mut self, text: &str, source_start: usize, exact: bool) {
        if text.is_empty() {
            return;
        }
        self.runs.push(Run {
            text: self.text.len(),
            source: source_start,
            exact,
        });
        self.text.push_str(text);
    }
}

/// An article: its source text and its blocks of plain text.
#[derive(Debug, Clone)]
pub struct Article {
    /// Name used in reports (the path as given).
    pub name: String,
    /// The file stem, used to build claim ids.
    pub stem: String,
    /// The whole source text.
    pub source: String,
    /// Plain-text blocks in document order.
    pub blocks: Vec<Block>,
    line_starts: Vec<usize>,
    /// (byte offset, characters before it) every [`CHAR_MARK_STEP`] bytes,
    /// so that a column on a very long line is counted from the nearest
    /// mark instead of from the start of the line.
    char_marks: Vec<(usize, usize)>,
}

/// Bytes between two entries of `Article::char_marks`.
const CHAR_MARK_STEP: usize = 4096;

impl Article {
    /// Parses source text; Markdown when `markdown` is true.
    pub fn parse(name: &str, source: String, markdown: bool) -> Article {
        let blocks = if markdown {
            markdown_blocks(&source)
        } else {
            text_blocks(&source)
        };
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let stem = Path::new(name)
            .file_stem()
            .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
        let char_marks = char_marks(&source);
        Article {
            name: name.to_string(),
            stem,
            source,
            blocks,
            line_starts,
            char_marks,
        }
    }

    /// 1-based line and column (in characters) of a source byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let end = offset.min(self.source.len());
        if !self.source.is_char_boundary(end) {
            return (line, 1);
        }
        // Counting from the line start would make many claims on one long
        // line quadratic.
        (line, self.chars_before(end) - self.chars_before(start) + 1)
    }

    /// Characters in `source[..at]`; `at` is a char boundary.
    fn chars_before(&self, at: usize) -> usize {
        let k = self.char_marks.partition_point(|&(b, _)| b <= at) - 1;
        let (byte, chars) = self.char_marks[k];
        chars + self.source[byte..at].chars().count()
    }
}

fn char_marks(source: &str) -> Vec<(usize, usize)> {
    let mut marks = vec![(0, 0)];
    let mut next = CHAR_MARK_STEP;
    for (chars, (i, _)) in source.char_indices().enumerate() {
        if i >= next {
            marks.push((i, chars));
            next = i + CHAR_MARK_STEP;
        }
    }
    marks
}

/// Reads an article from disk: UTF-8 (a BOM is skipped), not binary, not empty.
pub fn read(path: &Path) -> Result<Article> {
    // Refuses the first line over capped::MAX_ARTICLE_LINE_BYTES while reading.
    let bytes = crate::capped::read_article(path)?;
    let source = decode(path, bytes)?;
    let markdown = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "mdx"));
    Ok(Article::parse(&path.display().to_string(), source, markdown))
}

/// Checks and decodes file bytes as UTF-8 text, naming the line of the first problem.
pub fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::invalid(
            path,
            1,
            "file is UTF-16 (byte-order mark found); convert it to UTF-8",
        ));
    }
    // `contains` of a byte is a word-at-a-time search; the position is
    // only looked for when there is one.
    if let Some(pos) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        let line = line_of(&bytes, pos);
        return Err(Error::invalid(
            path,
            line,
            format!("binary file (NUL byte at offset {pos}), expected UTF-8 text"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(s) => {
            if s.trim().is_empty() {
                return Err(Error::invalid(path, 1, "file is empty"));
            }
            Ok(s)
        }
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let line = line_of(e.as_bytes(), pos);
            Err(Error::invalid(
                path,
                line,
                format!("invalid UTF-8 at byte offset {pos}"),
            ))
        }
    }
}

fn line_of(bytes: &[u8], pos: usize) -> u64 {
    bytes[..pos].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Plain text: blocks are runs of non-blank lines. Inside a run, a line
/// break is a space whatever the next line starts with (hard-wrapped text);
/// a list marker ("- ", "* ", "• ", "1. ") starts a block of its own, and the
/// first line of a run is a title of its own when it reads as one
/// ([`is_title_line`]).
fn text_blocks(source: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    // The first line of the current block, while it is the only one.
    let mut first_line: Option<&str> = None;
    let mut offset = 0;
    for raw in source.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blocks.extend(current.take());
            first_line = None;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let mut line_start = start + lead;
        let mut body = trimmed;
        if let Some(marker) = list_marker(trimmed) {
            blocks.extend(current.take());
            body = trimmed[marker..].trim_start();
            line_start += trimmed.len() - body.len();
        } else if let Some(block) = current.as_mut() {
            if first_line.is_some_and(|first| is_title_line(first, trimmed)) {
                let mut done = current.take().unwrap_or_else(empty_block);
                done.heading = true;
                blocks.push(done);
            } else {
                let at = if block.text.is_empty() {
                    start
                } else {
                    block.source_offset(block.text.len() - 1) + 1
                };
                block.push(" ", at, false);
            }
        }
        first_line = if current.is_none() { Some(body) } else { None };
        let block = current.get_or_insert_with(empty_block);
        block.push(body, line_start, true);
    }
    blocks.extend(current.take());
    for block in &mut blocks {
        if !block.heading {
            block.heading = looks_like_title(&block.text);
        }
    }
    blocks
}

/// A title line shorter than this share of the line after it (in
/// characters) stands on its own; a hard-wrapped line is about as long as
/// the next.
const TITLE_MAX_SHARE: f64 = 0.6;

/// True when `first`, the first line of a run of lines, is a title rather
/// than the start of a wrapped paragraph continued by `next`: it has no
/// final punctuation, does not end inside a phrase (a comma, a hyphen, a
/// function word), the next line does not start in lower case, and it is
/// either much shorter than the next line or written in title case.
fn is_title_line(first: &str, next: &str) -> bool {
    let t = first.trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_invisible(c));
    if t.ends_with([
        '.', '!', '?', ':', ';', '"', '”', '\'', '’', ')', '。', '！', '？',
    ]) {
        return false;
    }
    let last = t.split_whitespace().last().unwrap_or("");
    // A function word in lower case ("the", "of") leaves a phrase open.
    let open_word = last.chars().next().is_some_and(char::is_lowercase)
        && crate::lexicon::is_stop_word(&crate::text::fold(last));
    if last.ends_with([',', '-', '–', '—']) || open_word {
        return false;
    }
    if next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let short = (t.chars().count() as f64) < TITLE_MAX_SHARE * next.chars().count() as f64;
    let long_words: Vec<&str> = t.split_whitespace().filter(|w| w.chars().count() >= 4).collect();
    let title_case = long_words.len() >= 2
        && t.split_whitespace().count() <= 12
        && long_words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    short || title_case
}

/// Length in bytes of a list marker opening a plain-text line ("- ", "* ",
/// "+ ", "• ", "1. ", "2) "), marker and one space.
fn list_marker(line: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "+ ", "• ", "· ", "– "] {
        if line.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some(digits + 2);
        }
    }
    None
}

fn empty_block() -> Block {
    Block {
        text: String::new(),
        runs: Vec::new(),
        heading: false,
    }
}

/// A short line without final punctuation reads as a title.
fn looks_like_title(text: &str) -> bool {
    // Invisible characters (a trailing bidi isolate or zero-width joiner)
    // must not hide the final period.
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_invisible(c));
    !t.ends_with(['.', '!', '?', '"', '”', ':', ';', '。', '！', '？']) && t.split_whitespace().count() <= 16
}

/// Markdown: text events of paragraphs, headings, list items and table
/// cells, and the text of raw HTML (see [`HtmlReader`]).
fn markdown_blocks(source: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = empty_block();
    let mut skip_depth = 0usize;
    let mut html = HtmlReader::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock) => skip_depth = skip_depth.saturating_sub(1),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {
                html = HtmlReader::default();
                flush(&mut current, &mut blocks);
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut blocks);
                current.heading = true;
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::Item)
            | Event::Start(Tag::TableCell)
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableCell) => flush(&mut current, &mut blocks),
            Event::Text(text) | Event::Code(text) if skip_depth == 0 => {
                // Text equal to its source slice maps byte for byte; escaped
                // or entity text maps to the start of its source range.
                let exact = source.get(range.clone()) == Some(text.as_ref());
                current.push(&text, range.start, exact);
            }
            Event::Html(ref text) | Event::InlineHtml(ref text) if skip_depth == 0 => {
                // The event's text is its source slice; when it is not (never
                // seen), it is read at the start of its range.
                let base = if source.get(range.clone()) == Some(text.as_ref()) {
                    range.start
                } else {
                    usize::MAX
                };
                let piece = Piece {
                    text,
                    base,
                    at: range.start,
                    inline: matches!(event, Event::InlineHtml(_)),
                };
                html.read(&piece, &mut current, &mut blocks);
            }
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 => {
                current.push(" ", range.start, false);
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    for block in &mut blocks {
        if !block.heading {
            block.heading = looks_like_title(&block.text) && !block.text.contains(". ");
        }
    }
    blocks
}

/// Ends the current block (kept when it holds text).
fn flush(current: &mut Block, blocks: &mut Vec<Block>) {
    if !current.text.trim().is_empty() {
        blocks.push(std::mem::replace(current, empty_block()));
    } else {
        *current = empty_block();
    }
}

/// Reads the text of raw HTML in Markdown, piece by piece (a block comes as
/// one piece per line): tags are dropped, block-level tags (`<p>`, `<div>`,
/// `<td>`, `<li>`, `<br>`, headings...) end a block, headings mark one,
/// entities are decoded, and `<script>`, `<style>` and comments are skipped
/// whole, across pieces. Linear: every byte is looked at a bounded number of
/// times.
#[derive(Debug, Default)]
struct HtmlReader {
    /// Inside a tag that has not closed yet (`<div\n class="x">`).
    in_tag: bool,
    /// The text that ends what is being skipped ("-->", "</script>").
    skip_until: Option<&'static str>,
}

/// One piece of raw HTML and where it is.
#[derive(Clone, Copy)]
struct Piece<'a> {
    /// The HTML.
    text: &'a str,
    /// Its offset in the source when it is a copy of it, else `usize::MAX`
    /// (then all its text maps to `at`).
    base: usize,
    /// Start of its source range.
    at: usize,
    /// Inline HTML inside a paragraph rather than an HTML block.
    inline: bool,
}

/// HTML elements whose start or end ends a block of text.
const HTML_BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

impl HtmlReader {
    /// Reads one piece of HTML.
    fn read(&mut self, piece: &Piece, current: &mut Block, blocks: &mut Vec<Block>) {
        let Piece {
            text: piece,
            base,
            at,
            inline,
        } = *piece;
        let offset = |i: usize| if base == usize::MAX { at } else { base + i };
        let exact = base != usize::MAX;
        let bytes = piece.as_bytes();
        let mut i = 0;
        while i < piece.len() {
            if let Some(end) = self.skip_until {
                match find_ascii_ci(&piece[i..], end) {
                    Some(j) => {
                        i += j + end.len();
                        self.skip_until = None;
                        // "</script" still has its ">" to come.
                        self.in_tag = end != "-->";
                    }
                    None => return,
                }
                continue;
            }
            if self.in_tag {
                match piece[i..].find('>') {
                    Some(j) => {
                        i += j + 1;
                        self.in_tag = false;
                    }
                    None => return,
                }
                continue;
            }
            match bytes[i] {
                b'<' => {
                    let rest = &piece[i..];
                    if rest.starts_with("<!--") {
                        self.skip_until = Some("-->");
                        i += 4;
                        continue;
                    }
                    let closing = rest.as_bytes().get(1) == Some(&b'/');
                    let name_start = if closing { 2 } else { 1 };
                    let name: String = rest[name_start..]
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .take(12)
                        .map(|c| c.to_ascii_lowercase())
                        .collect();
                    if name.is_empty() && !rest[name_start..].starts_with(['!', '?']) {
                        // A lone "<" is text.
                        current.push("<", offset(i), exact);
                        i += 1;
                        continue;
                    }
                    if !closing && (name == "script" || name == "style") {
                        self.skip_until = Some(if name == "script" { "</script" } else { "</style" });
                        // The closing tag's own ">" is skipped as a tag.
                        i += 1;
                        continue;
                    }
                    if HTML_BLOCK_TAGS.contains(&name.as_str()) && inline {
                        // Inside a paragraph (<br>), the tag only separates words.
                        current.push(" ", offset(i), false);
                    } else if HTML_BLOCK_TAGS.contains(&name.as_str()) {
                        flush(current, blocks);
                        if !closing && name.len() == 2 && name.starts_with('h') {
                            current.heading = true;
                        }
                    }
                    match rest.find('>') {
                        Some(j) => i += j + 1,
                        None => {
                            self.in_tag = true;
                            return;
                        }
                    }
                }
                b'&' => {
                    let rest = &piece[i..];
                    match decode_entity(rest) {
                        Some((text, len)) => {
                            current.push(&text, offset(i), false);
                            i += len;
                        }
                        None => {
                            current.push("&", offset(i), exact);
                            i += 1;
                        }
                    }
                }
                _ => {
                    let len = piece[i..].find(['<', '&']).unwrap_or(piece.len() - i);
                    let text = &piece[i..i + len];
                    if text.contains(['\n', '\r', '\t']) {
                        // Same length, so the bytes still map one to one.
                        let spaced = text.replace(['\n', '\r', '\t'], " ");
                        current.push(&spaced, offset(i), exact);
                    } else {
                        current.push(text, offset(i), exact);
                    }
                    i += len;
                }
            }
        }
    }
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// Decodes an HTML entity at the start of `s` ("&amp;", "&#233;",
/// "&#x2019;"): its text and its length in bytes.
fn decode_entity(s: &str) -> Option<(String, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "euro" => '€',
        "pound" => '£',
        _ => {
            let num = name.strip_prefix('#')?;
            let value = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(value)?
        }
    };
    Some((c.to_string(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_markup_does_not_leak_and_offsets_map_back() {
        let src = "# The *Title*\n\nSome **bold** text with a [link](http://x.y).\n\n- item one\n";
        let a = Article::parse("a.md", src.to_string(), true);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["The Title", "Some bold text with a link.", "item one"]
        );
        assert!(a.blocks[0].heading);
        let b = &a.blocks[1];
        let i = b.text.find("bold").unwrap();
        assert_eq!(a.line_col(b.source_offset(i)), (3, 8));
        assert_eq!(a.line_col(a.blocks[2].source_offset(0)), (5, 3));
    }

    #[test]
    fn text_titles_split_from_following_paragraph() {
        let src = "Big Title\n\nA Sub Title\nFirst sentence. Second one.\n";
        let a = Article::parse("a.txt", src.to_string(), false);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Big Title", "A Sub Title", "First sentence. Second one."]
        );
        assert!(a.blocks[1].heading);
        assert!(!a.blocks[2].heading);
        assert_eq!(a.line_col(a.blocks[2].source_offset(0)), (4, 1));
    }

    #[test]
    fn a_trailing_invisible_character_does_not_make_a_title() {
        let src = "Title\n\nThe tower was completed in 1889.\u{202E} It is tall.\u{2069}\u{200D}\n";
        let a = Article::parse("a.txt", src.to_string(), false);
        assert!(a.blocks[0].heading);
        assert!(!a.blocks[1].heading, "{:?}", a.blocks[1]);
        // Nor does a final CJK full stop.
        let a = Article::parse(
            "a.txt",
            "It opened in 1889. 它于1889年建成。\n".to_string(),
            false,
        );
        assert!(!a.blocks[0].heading);
    }

    #[test]
    fn wrapped_lines_join_into_one_block() {
        let src = "The council met in\nBrussels on Monday.\n";
        let a = Article::parse("a.txt", src.to_string(), false);
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.blocks[0].text, "The council met in Brussels on Monday.");
    }

    #[test]
    fn columns_count_characters() {
        let a = Article::parse("a.txt", "Kōno met Breton.".to_string(), false);
        let i = a.blocks[0].text.find("met").unwrap();
        assert_eq!(a.line_col(a.blocks[0].source_offset(i)), (1, 6));
    }

    #[test]
    fn columns_far_into_a_long_line_count_characters() {
        // Columns are counted from marks every few KiB, not from the line start.
        let src = format!("x\n{}", "é Kōno met Breton. ".repeat(2_000));
        let a = Article::parse("a.txt", src.clone(), false);
        for offset in [2, 3, 4097, 4098, 9000, 20_001, src.len() - 1, src.len()] {
            let offset = (0..=offset).rev().find(|&o| src.is_char_boundary(o)).unwrap();
            let col = src[2..offset].chars().count() + 1;
            assert_eq!(a.line_col(offset), (2, col), "offset {offset}");
        }
        // Not a char boundary: column 1, as before.
        assert_eq!(a.line_col(3), (2, 1));
    }

    #[test]
    fn source_offsets_of_runs_match_a_byte_table() {
        // Exact pieces map byte for byte (a multi-byte character to its
        // start), others to their start; past the end, the last character.
        let mut b = empty_block();
        assert_eq!(b.source_offset(3), 0);
        b.push("Kō", 10, true);
        b.push(" ", 20, false);
        b.push("&amp;", 30, false);
        let expected = [10, 11, 11, 20, 30, 30, 30, 30, 30, 30, 30];
        let got: Vec<usize> = (0..expected.len()).map(|i| b.source_offset(i)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn decode_rejects_bad_bytes_with_line() {
        let p = Path::new("x.txt");
        let e = decode(p, b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "x.txt:2: invalid UTF-8 at byte offset 7");
        let e = decode(p, b"a\0b".to_vec()).unwrap_err();
        assert!(e.to_string().contains("binary file"));
        assert!(decode(p, b"  \n".to_vec())
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert_eq!(decode(p, b"\xEF\xBB\xBFhi".to_vec()).unwrap(), "hi");
    }

    #[test]
    fn hard_wrapped_lines_join_whatever_the_next_line_starts_with() {
        let src =
            "A Short Title\nA grant from the British Antibiotics\nCouncil paid for the journey in 1941.\n\n\
                   - First item of a list\n- Second item\n";
        let a = Article::parse("a.txt", src.to_string(), false);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "A Short Title",
                "A grant from the British Antibiotics Council paid for the journey in 1941.",
                "First item of a list",
                "Second item"
            ]
        );
        assert!(a.blocks[0].heading);
        let b = &a.blocks[1];
        assert_eq!(
            a.line_col(b.source_offset(b.text.find("Council").unwrap())),
            (3, 1)
        );
        assert_eq!(a.line_col(a.blocks[3].source_offset(0)), (6, 3));
    }

    #[test]
    fn raw_html_text_is_read_with_positions_and_scripts_are_not() {
        let src = "# T\n\n<div class=\"x\">\n<p>Bern is the capital &amp; seat.</p>\n\
                   <!-- Rome is in Spain. -->\n<script>var s = \"Oslo is hot.\";</script>\n\
                   <style>p { color: red }</style>\n\
                   <table><tr><td>Lima is in Peru.</td><td>Quito is in Ecuador.</td></tr></table>\n</div>\n";
        let a = Article::parse("a.md", src.to_string(), true);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.trim()).collect();
        assert_eq!(
            texts,
            vec![
                "T",
                "Bern is the capital & seat.",
                "Lima is in Peru.",
                "Quito is in Ecuador."
            ]
        );
        let quito = &a.blocks[3];
        assert_eq!(a.line_col(quito.source_offset(0)), (8, 41));
        // A tag across lines and a comment across lines are skipped whole.
        let src = "<div\n  class=\"a\">\n<!-- a\nhidden line. -->\nSeen text here.\n</div>\n";
        let a = Article::parse("a.md", src.to_string(), true);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.trim()).collect();
        assert_eq!(texts, vec!["Seen text here."]);
    }
}
